#include "places/ev_model.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace codriver::places {

namespace {

constexpr double kGravity = 9.81;  // m/s²
constexpr double kJoulesPerKwh = 3.6e6;
constexpr double kSecondsPerHour = 3600.0;

std::string number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

void require(bool ok, const std::string& name, double value, const char* expected) {
  if (!ok) {
    throw std::invalid_argument(name + " is " + number(value) + ", but must be " + expected);
  }
}

void require_positive(const char* name, double value) {
  require(std::isfinite(value) && value > 0, name, value, "a positive number");
}

void require_non_negative(const char* name, double value) {
  require(std::isfinite(value) && value >= 0, name, value, "zero or more");
}

void require_fraction(const char* name, double value) {
  require(std::isfinite(value) && value >= 0 && value <= 1, name, value,
          "a fraction between 0 and 1 (e.g. 0.8 for 80%)");
}

}  // namespace

double ConsumptionModel::leg_energy_kwh(double distance_m, double duration_s) const {
  require_non_negative("leg distance (m)", distance_m);
  require_non_negative("leg duration (s)", duration_s);
  if (distance_m > 0 && duration_s == 0) {
    throw std::invalid_argument("a leg of " + number(distance_m) +
                                " m has no duration: its speed is unknown");
  }
  const double auxiliary = auxiliary_kw * duration_s / kSecondsPerHour;
  if (distance_m == 0) return auxiliary;
  const double speed_mps = distance_m / duration_s;
  const double force_n = rolling_resistance * mass_kg * kGravity +
                         0.5 * air_density_kg_m3 * drag_area_m2 * speed_mps * speed_mps;
  const double traction = force_n * distance_m / drivetrain_efficiency / kJoulesPerKwh;
  const double traffic = traffic_loss_kwh_per_100km * distance_m / 100000.0;
  return traction + traffic + auxiliary;
}

double ConsumptionModel::kwh_per_100km(double speed_kmh) const {
  require_positive("speed (km/h)", speed_kmh);
  const double distance_m = 100000.0;
  return leg_energy_kwh(distance_m, distance_m / (speed_kmh / 3.6));
}

void ConsumptionModel::validate() const {
  require_positive("consumption.mass_kg", mass_kg);
  require_non_negative("consumption.rolling_resistance", rolling_resistance);
  require_non_negative("consumption.drag_area_m2", drag_area_m2);
  require_non_negative("consumption.air_density_kg_m3", air_density_kg_m3);
  require(std::isfinite(drivetrain_efficiency) && drivetrain_efficiency > 0 &&
              drivetrain_efficiency <= 1,
          "consumption.drivetrain_efficiency", drivetrain_efficiency,
          "above 0 and at most 1 (e.g. 0.88)");
  require_non_negative("consumption.auxiliary_kw", auxiliary_kw);
  require_non_negative("consumption.traffic_loss_kwh_per_100km", traffic_loss_kwh_per_100km);
}

namespace {

// The slope (kW per unit of SoC) at which the car's power falls above the taper start;
// zero when there is no taper.
double taper_slope(const ChargingCurve& curve) {
  if (curve.taper_start_soc >= 1.0) return 0.0;
  return curve.max_power_kw * (1.0 - curve.power_at_full_fraction) / (1.0 - curve.taper_start_soc);
}

double car_power_kw(const ChargingCurve& curve, double soc) {
  if (soc <= curve.taper_start_soc) return curve.max_power_kw;
  return curve.max_power_kw - taper_slope(curve) * (soc - curve.taper_start_soc);
}

// Below this SoC the power is flat (the charger's or the car's maximum); above it the
// car's taper is the limit.
double flat_power_end_soc(const ChargingCurve& curve, double charger_kw) {
  const double slope = taper_slope(curve);
  if (slope == 0.0 || charger_kw <= curve.max_power_kw * curve.power_at_full_fraction) return 1.0;
  if (charger_kw >= curve.max_power_kw) return curve.taper_start_soc;
  return curve.taper_start_soc + (curve.max_power_kw - charger_kw) / slope;
}

}  // namespace

double ChargingCurve::power_kw(double soc, double charger_kw) const {
  require_fraction("state of charge", soc);
  require_positive("charger power (kW)", charger_kw);
  return std::min(charger_kw, car_power_kw(*this, soc));
}

double ChargingCurve::time_from_empty_s(double soc, double charger_kw, double capacity_kwh) const {
  require_fraction("state of charge", soc);
  require_positive("charger power (kW)", charger_kw);
  require_positive("battery capacity (kWh)", capacity_kwh);
  const double flat_end = flat_power_end_soc(*this, charger_kw);
  const double flat_power = std::min(charger_kw, max_power_kw);
  double hours_per_kwh_of_capacity = std::min(soc, flat_end) / flat_power;
  if (soc > flat_end) {
    // On the taper the power falls linearly, so 1/power integrates to a logarithm.
    hours_per_kwh_of_capacity +=
        std::log(car_power_kw(*this, flat_end) / car_power_kw(*this, soc)) / taper_slope(*this);
  }
  return hours_per_kwh_of_capacity * capacity_kwh * kSecondsPerHour;
}

double ChargingCurve::charge_time_s(double from_soc, double to_soc, double charger_kw,
                                    double capacity_kwh) const {
  if (!(from_soc <= to_soc)) {
    throw std::invalid_argument("charging must go up: from " + number(from_soc) + " to " +
                                number(to_soc));
  }
  return time_from_empty_s(to_soc, charger_kw, capacity_kwh) -
         time_from_empty_s(from_soc, charger_kw, capacity_kwh);
}

void ChargingCurve::validate() const {
  require_positive("charging.max_power_kw", max_power_kw);
  require_fraction("charging.taper_start_soc", taper_start_soc);
  require(std::isfinite(power_at_full_fraction) && power_at_full_fraction > 0 &&
              power_at_full_fraction <= 1,
          "charging.power_at_full_fraction", power_at_full_fraction,
          "above 0 and at most 1 (e.g. 0.1: a tenth of the maximum power at 100%)");
}

void EvParameters::validate() const {
  require_positive("capacity_kwh", capacity_kwh);
  require_fraction("start_soc", start_soc);
  require(std::isfinite(reserve_soc) && reserve_soc >= 0 && reserve_soc < 1, "reserve_soc",
          reserve_soc, "at least 0 and below 1 (e.g. 0.1 for 10%)");
  require(std::isfinite(max_charge_soc) && max_charge_soc > reserve_soc && max_charge_soc <= 1,
          "max_charge_soc", max_charge_soc,
          ("above the reserve (" + number(reserve_soc) + ") and at most 1").c_str());
  require_non_negative("stop_overhead_s", stop_overhead_s);
  consumption.validate();
  charging.validate();
}

}  // namespace codriver::places
