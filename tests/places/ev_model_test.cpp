#include "places/ev_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace codriver::places {
namespace {

TEST(ConsumptionModel, DefaultsLookLikeAMidSizeElectricCar) {
  const ConsumptionModel model;
  EXPECT_GE(model.kwh_per_100km(50), 15.0);
  EXPECT_LE(model.kwh_per_100km(50), 17.0);
  EXPECT_GE(model.kwh_per_100km(120), 20.0);
  EXPECT_LE(model.kwh_per_100km(120), 22.0);
}

TEST(ConsumptionModel, GrowsWithSpeedAboveTownSpeeds) {
  const ConsumptionModel model;
  for (double speed = 60; speed < 160; speed += 10) {
    EXPECT_LT(model.kwh_per_100km(speed), model.kwh_per_100km(speed + 10)) << speed;
  }
  // Crawling costs more per km too: the heater runs for longer over each km.
  EXPECT_GT(model.kwh_per_100km(5), model.kwh_per_100km(40));
}

TEST(ConsumptionModel, LegEnergyUsesTheAverageSpeed) {
  const ConsumptionModel model;
  // 30 km in 20 minutes: 90 km/h.
  EXPECT_NEAR(model.leg_energy_kwh(30000, 1200), model.kwh_per_100km(90) * 0.3, 1e-9);
  // Standing still only runs the auxiliaries.
  EXPECT_NEAR(model.leg_energy_kwh(0, 1800), model.auxiliary_kw * 0.5, 1e-12);
  EXPECT_EQ(model.leg_energy_kwh(0, 0), 0.0);
}

TEST(ConsumptionModel, CallerCanSetTheParameters) {
  ConsumptionModel flat;
  flat.rolling_resistance = 0;
  flat.drag_area_m2 = 0;
  flat.auxiliary_kw = 0;
  flat.traffic_loss_kwh_per_100km = 20;
  EXPECT_NEAR(flat.leg_energy_kwh(1000, 10), 0.2, 1e-12);
  EXPECT_NEAR(flat.leg_energy_kwh(1000, 1000), 0.2, 1e-12);

  ConsumptionModel heavy;
  heavy.mass_kg *= 2;
  EXPECT_GT(heavy.kwh_per_100km(80), ConsumptionModel().kwh_per_100km(80));
}

TEST(ConsumptionModel, RejectsImpossibleLegsAndParameters) {
  const ConsumptionModel model;
  EXPECT_THROW(model.leg_energy_kwh(-1, 10), std::invalid_argument);
  EXPECT_THROW(model.leg_energy_kwh(100, 0), std::invalid_argument);
  EXPECT_THROW(model.kwh_per_100km(0), std::invalid_argument);
  ConsumptionModel bad;
  bad.drivetrain_efficiency = 1.5;
  try {
    bad.validate();
    FAIL() << "an efficiency above 1 is accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("drivetrain_efficiency"), std::string::npos);
  }
}

TEST(ChargingCurve, FlatToEightyPercentThenTapering) {
  const ChargingCurve curve;  // 150 kW, taper from 80% to 15 kW at 100%
  EXPECT_DOUBLE_EQ(curve.power_kw(0.1, 350), 150);
  EXPECT_DOUBLE_EQ(curve.power_kw(0.8, 350), 150);
  EXPECT_NEAR(curve.power_kw(0.9, 350), 82.5, 1e-9);
  EXPECT_NEAR(curve.power_kw(1.0, 350), 15, 1e-9);
  // A 50 kW charger is the limit until the car's taper falls below it.
  EXPECT_DOUBLE_EQ(curve.power_kw(0.9, 50), 50);
  EXPECT_LT(curve.power_kw(0.96, 50), 50);
  EXPECT_DOUBLE_EQ(curve.power_kw(0.99, 11), 11);
}

TEST(ChargingCurve, TimeOnTheFlatPartIsEnergyOverPower) {
  const ChargingCurve curve;
  // 10% -> 80% of 60 kWh is 42 kWh at 150 kW: 0.28 h.
  EXPECT_NEAR(curve.charge_time_s(0.1, 0.8, 350, 60), 1008, 1e-6);
  EXPECT_NEAR(curve.charge_time_s(0.1, 0.8, 11, 60), 42.0 / 11 * 3600, 1e-6);
  EXPECT_EQ(curve.charge_time_s(0.5, 0.5, 50, 60), 0.0);
}

TEST(ChargingCurve, SlowsDownAboveEightyPercent) {
  const ChargingCurve curve;
  const double low = curve.charge_time_s(0.1, 0.2, 150, 60);
  const double high = curve.charge_time_s(0.8, 0.9, 150, 60);
  const double last = curve.charge_time_s(0.9, 1.0, 150, 60);
  EXPECT_GT(high, 1.3 * low);
  EXPECT_GT(last, 2.0 * high);
}

TEST(ChargingCurve, ClosedFormMatchesFineIntegration) {
  const ChargingCurve curve;
  for (double charger : {7.0, 22.0, 50.0, 100.0, 150.0, 300.0}) {
    double seconds = 0;
    const int steps = 200000;
    for (int i = 0; i < steps; ++i) {
      const double soc = (i + 0.5) / steps * 0.95 + 0.05;
      seconds += 0.95 / steps * 60 / curve.power_kw(soc, charger) * 3600;
    }
    EXPECT_NEAR(curve.charge_time_s(0.05, 1.0, charger, 60), seconds, seconds * 1e-6) << charger;
  }
}

TEST(ChargingCurve, MonotoneAndAdditive) {
  const ChargingCurve curve;
  std::mt19937 random(11);
  std::uniform_real_distribution<double> soc(0.0, 1.0);
  for (int i = 0; i < 1000; ++i) {
    double a = soc(random), b = soc(random), c = soc(random);
    if (a > b) std::swap(a, b);
    if (b > c) std::swap(b, c);
    if (a > b) std::swap(a, b);
    const double charger = 5 + 300 * soc(random);
    const double ab = curve.charge_time_s(a, b, charger, 75);
    const double bc = curve.charge_time_s(b, c, charger, 75);
    EXPECT_GE(ab, 0);
    EXPECT_GE(bc, 0);
    EXPECT_NEAR(ab + bc, curve.charge_time_s(a, c, charger, 75), 1e-7);
  }
  EXPECT_THROW(curve.charge_time_s(0.6, 0.5, 50, 60), std::invalid_argument);
  EXPECT_THROW(curve.charge_time_s(0.1, 0.5, 0, 60), std::invalid_argument);
}

TEST(ChargingCurve, WithoutTaperThePowerIsFlat) {
  ChargingCurve curve;
  curve.taper_start_soc = 1.0;
  EXPECT_NEAR(curve.charge_time_s(0, 1, 150, 60), 1440, 1e-6);
  curve.taper_start_soc = 0.8;
  curve.power_at_full_fraction = 1.0;
  EXPECT_NEAR(curve.charge_time_s(0, 1, 150, 60), 1440, 1e-6);
}

void expect_rejected(const EvParameters& parameters, const std::string& named) {
  try {
    parameters.validate();
    FAIL() << "accepted a bad " << named;
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find(named), std::string::npos) << error.what();
  }
}

TEST(EvParameters, ValidationNamesTheValueToFix) {
  EXPECT_NO_THROW(EvParameters().validate());
  EvParameters p;
  p.capacity_kwh = 0;
  expect_rejected(p, "capacity_kwh");
  p = {};
  p.start_soc = 80;  // a percentage where a fraction belongs
  expect_rejected(p, "start_soc");
  p = {};
  p.reserve_soc = -0.1;
  expect_rejected(p, "reserve_soc");
  p = {};
  p.max_charge_soc = 0.05;  // below the 10% reserve
  expect_rejected(p, "max_charge_soc");
  p = {};
  p.stop_overhead_s = -1;
  expect_rejected(p, "stop_overhead_s");
  p = {};
  p.charging.power_at_full_fraction = 0;
  expect_rejected(p, "charging.power_at_full_fraction");
  p = {};
  p.consumption.mass_kg = std::nan("");
  expect_rejected(p, "consumption.mass_kg");
}

}  // namespace
}  // namespace codriver::places
