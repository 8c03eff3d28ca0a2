#include "speech/alsa_device.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace codriver::speech {
namespace {

template <typename Device>
std::string open_error(const std::string& name) {
  try {
    Device device(name);
  } catch (const AudioError& error) {
    return error.what();
  }
  return "(opened)";
}

TEST(AlsaDevice, UnknownDeviceIsNoAudioDevice) {
  const std::string capture = open_error<AlsaCapture>("codriver_no_such_device");
  const std::string playback = open_error<AlsaPlayback>("codriver_no_such_device");
  EXPECT_EQ(capture.rfind("no audio device: cannot open ALSA capture device "
                          "'codriver_no_such_device': ",
                          0),
            0u)
      << capture;
  EXPECT_EQ(playback.rfind("no audio device: cannot open ALSA playback device "
                           "'codriver_no_such_device': ",
                           0),
            0u)
      << playback;
}

TEST(AlsaDevice, DefaultDeviceOnAMachineWithoutSoundCards) {
  if (std::filesystem::exists("/dev/snd")) GTEST_SKIP() << "this machine has sound devices";
  EXPECT_EQ(open_error<AlsaCapture>("default").rfind("no audio device: ", 0), 0u);
  EXPECT_EQ(open_error<AlsaPlayback>("default").rfind("no audio device: ", 0), 0u);
}

}  // namespace
}  // namespace codriver::speech
