#pragma once

#include "signals/json_reader.h"
#include "signals/signal_model.h"

// Internal to the ODE JSON decoder: its two bodies, given payload.data.
namespace codriver::signals::ode {

SpatMessage read_ode_spat(const json_input::Node& data, Instant reference);
MapMessage read_ode_map(const json_input::Node& data, Instant reference);

}  // namespace codriver::signals::ode
