#pragma once

#include <memory>

#include "speech/asr.h"
#include "speech/domain_model.h"

// Embedded recognition with CMU PocketSphinx and the en-us acoustic model, restricted to
// the domain language model so that it runs offline, in real time on a car's CPU.
namespace codriver::speech {

class PocketSphinxRecognizer : public SpeechRecognizer {
 public:
  // Loads the acoustic model, `model`'s LM and dictionary; keeps up to `nbest` (>= 1)
  // hypotheses per utterance. Throws AsrError when a model file is missing or unreadable.
  explicit PocketSphinxRecognizer(const DomainModel& model, int nbest = 5);
  ~PocketSphinxRecognizer() override;
  PocketSphinxRecognizer(const PocketSphinxRecognizer&) = delete;
  PocketSphinxRecognizer& operator=(const PocketSphinxRecognizer&) = delete;

  // 16 kHz audio only (resample first; anything else throws AsrError). Empty or silent
  // audio gives a Transcript with no hypothesis.
  //
  // Confidence: the top hypothesis carries PocketSphinx's posterior probability of its
  // word sequence, from the forward-backward pass over the word lattice (ps_get_prob):
  // near 1 when no competing path in the lattice comes close, low when the audio fits
  // several word sequences about as well. The alternatives carry that posterior scaled by
  // their path likelihood relative to the best path (with the same acoustic scaling), so
  // they never rank above the top one. Not calibrated across utterances of very
  // different length; use it to compare and to reject, with a threshold found on data.
  //
  // Not thread safe: one decoder per recogniser, one utterance at a time.
  Transcript transcribe(const AudioBuffer& audio) override;

 private:
  struct Decoder;
  std::unique_ptr<Decoder> decoder_;
  int nbest_;
};

}  // namespace codriver::speech
