#pragma once

// The energy model of an electric car: what a leg of driving costs the battery and how
// long a charger takes to put it back. Numbers are kWh, kW, seconds, metres and state of
// charge (SoC) as a fraction of the usable capacity, 0..1.
namespace codriver::places {

// Battery energy per distance from the forces on the car at a steady speed, plus the power
// the car draws whatever it does. Defaults describe a typical mid-size electric car
// (~15 kWh/100 km at 50 km/h, ~21 kWh/100 km at 120 km/h). Downhill regeneration and
// elevation are not modelled: the map has no heights.
struct ConsumptionModel {
  double mass_kg = 1900.0;            // car, driver and some luggage
  double rolling_resistance = 0.011;  // tyre on asphalt (dimensionless coefficient)
  double drag_area_m2 = 0.48;         // drag coefficient x frontal area
  double air_density_kg_m3 = 1.2;
  double drivetrain_efficiency = 0.88;  // battery to wheel
  double auxiliary_kw = 2.0;            // climate control and electronics, per hour on the road
  // Speed changes and small grades in real traffic that regeneration does not win back:
  // a cost per distance on top of the steady-speed forces.
  double traffic_loss_kwh_per_100km = 3.0;

  // Battery energy for a leg at its average speed. Throws std::invalid_argument for a
  // negative or non-finite input, or a distance driven in no time.
  double leg_energy_kwh(double distance_m, double duration_s) const;
  // The same at a steady speed, per 100 km (speed_kmh > 0).
  double kwh_per_100km(double speed_kmh) const;

  // Throws std::invalid_argument naming the parameter that is out of range.
  void validate() const;
};

// The power the car accepts while charging: its maximum (DC) power up to `taper_start_soc`,
// then falling linearly to `power_at_full_fraction` of it at 100%. The charger's own power
// caps it everywhere, so a slow (AC) charger gives a nearly constant power.
struct ChargingCurve {
  double max_power_kw = 150.0;
  double taper_start_soc = 0.8;
  double power_at_full_fraction = 0.1;

  // The power flowing into the battery at `soc` from a charger of `charger_kw`.
  double power_kw(double soc, double charger_kw) const;
  // Seconds from `from_soc` to `to_soc` (0 <= from <= to <= 1), integrating 1/power in
  // closed form; additive: time(a, b) + time(b, c) == time(a, c) up to rounding.
  double charge_time_s(double from_soc, double to_soc, double charger_kw,
                       double capacity_kwh) const;
  // Seconds from an empty battery to `soc`: charge_time_s(a, b) is the difference of two.
  double time_from_empty_s(double soc, double charger_kw, double capacity_kwh) const;

  void validate() const;
};

// The car and the driver's wishes for one trip.
struct EvParameters {
  double capacity_kwh = 60.0;  // usable battery capacity
  double start_soc = 0.8;
  double reserve_soc = 0.10;     // the least charge on arrival at any stop and at the end
  double max_charge_soc = 1.0;   // charge no further than this at a stop (0.8 saves time)
  double stop_overhead_s = 300;  // park, plug in, pay: makes fewer stops better
  ConsumptionModel consumption;
  ChargingCurve charging;

  // Throws std::invalid_argument with a message that says which value to fix.
  void validate() const;
};

}  // namespace codriver::places
