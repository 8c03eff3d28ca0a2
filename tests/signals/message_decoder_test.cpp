#include "signals/message_decoder.h"

#include <gtest/gtest.h>

#include "signals/signals_error.h"
#include "signals_samples.h"

namespace codriver::signals {
namespace {

using namespace testing;

DecodedMessage decode_file(const std::string& name, Instant reference) {
  DecodeOptions options;
  options.reference = reference;
  return decode_message(sample_text(name), options);
}

TEST(MessageDecoder, TellsEveryFormatApart) {
  const DecodedMessage hex = decode_file("spat_12111_uper.hex", spat_received());
  EXPECT_EQ(hex.format, MessageFormat::kJ2735UperHex);
  const std::vector<std::uint8_t> bytes = sample_bytes("spat_12111_uper.hex");
  DecodeOptions options;
  options.reference = spat_received();
  const DecodedMessage binary = decode_message(bytes, options);
  EXPECT_EQ(binary.format, MessageFormat::kJ2735UperBinary);
  EXPECT_EQ(binary.message, hex.message);
  const DecodedMessage ode = decode_file("ode_expected-spat.json", spat_received());
  EXPECT_EQ(ode.format, MessageFormat::kOdeJson);
  EXPECT_EQ(ode.message, hex.message);

  EXPECT_EQ(decode_file("map_uper.hex", map_received()).message,
            decode_file("ode_expected-map.json", map_received()).message);
  EXPECT_EQ(decode_file("ode_valid.spat.json", spat_received()).format, MessageFormat::kOdeJson);
  EXPECT_EQ(decode_file("ode_sample.processed-spat.json", spat_received()).format,
            MessageFormat::kProcessedSpatJson);
  const DecodedMessage processed_map = decode_file("ode_sample.processed-map.json", map_received());
  EXPECT_EQ(processed_map.format, MessageFormat::kProcessedMapJson);
  EXPECT_TRUE(std::holds_alternative<MapMessage>(processed_map.message));
}

TEST(MessageDecoder, HexWithSpacesAndPrefix) {
  const std::string hex = sample_text("spat_12111_uper.hex");
  std::string spaced = "0x";
  for (std::size_t i = 0; i < hex.size(); i += 2)
    spaced += hex.substr(i, 2) + (i % 32 == 30 ? "\n" : " ");
  EXPECT_EQ(decode_message(spaced, {spat_received(), {}}).message,
            decode_message(hex, {spat_received(), {}}).message);
}

std::string error_of(std::string_view input) {
  try {
    decode_message(input);
  } catch (const SignalsError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(MessageDecoder, ReasonsForWhatItCannotRead) {
  EXPECT_EQ(error_of("   \n"), "the input is empty");
  EXPECT_NE(error_of("{\"hello\": 1}").find("not a SPaT or MAP shape"), std::string::npos);
  EXPECT_NE(error_of("{\"hello\": ").find("JSON: not JSON"), std::string::npos);
  EXPECT_NE(error_of(std::string(100, '[')).find("J2735 UPER"), std::string::npos)
      << "not JSON: binary";
  EXPECT_NE(
      error_of("{" + std::string(100, '[') + std::string(100, ']') + "}").find("nested deeper"),
      std::string::npos);
  EXPECT_NE(error_of("0013").find("the message ends"), std::string::npos);
  EXPECT_NE(error_of("001").find("J2735 UPER"), std::string::npos) << "odd hex is binary, and bad";
}

}  // namespace
}  // namespace codriver::signals
