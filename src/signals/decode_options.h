#pragma once

#include <optional>

#include "signals/signal_model.h"
#include "signals/uper.h"

namespace codriver::signals {

struct DecodeOptions {
  // The instant TimeMarks, DSeconds and minutes of the year are read against (see
  // time_mark.h). When empty: the message's own receive time if it carries one (ODE
  // metadata.odeReceivedAt), else the time of decoding.
  std::optional<Instant> reference;
  uper::Limits limits;
};

}  // namespace codriver::signals
