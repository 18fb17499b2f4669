// The learning-rate schedules: the rate in force at an update, a pure function of the config's
// base rate, its schedule settings and e, the epoch counter when the update happens.
//   constant     lr
//   step         lr * gamma^floor(e / S)            (S = lrStepEpochs)
//   exponential  lr * gamma^(e / S)                 (TensorFlow's exponential_decay)
//   cosine       lrMin + (lr - lrMin)(1 + cos(pi min(e, T) / T)) / 2   (T = lrCosineEpochs)
// and for e < W (lrWarmupEpochs) the scheduled rate times (e + 1) / W.
#pragma once
#include <algorithm>
#include <cmath>

#include "config.hpp"

namespace nnplay {

inline double scheduled_rate(double lr, const ScheduleConfig& s, long long epoch) {
  const double e = double(epoch);
  double rate = lr;
  switch (s.kind) {
    case LrSchedule::Constant: break;
    case LrSchedule::Step:
      rate = lr * std::pow(s.gamma, std::floor(e / double(s.step_epochs)));
      break;
    case LrSchedule::Exponential: rate = lr * std::pow(s.gamma, e / double(s.step_epochs)); break;
    case LrSchedule::Cosine: {
      const double t = double(s.cosine_epochs);
      const double kPi = 3.141592653589793;
      rate = s.min_rate + (lr - s.min_rate) * (1 + std::cos(kPi * std::min(e, t) / t)) / 2;
      break;
    }
  }
  if (epoch < s.warmup_epochs) rate *= (e + 1) / double(s.warmup_epochs);
  return rate;
}

}  // namespace nnplay
