// Optimizers: one update step over the flat parameter, gradient and dead-link arrays (the layout
// network.hpp describes), as free functions in the style of llm.c's update step, templated on
// the scalar type (the 2-D playground trains in double; an image model will train in float).
// SGD is the reference's: averaged gradient, L1/L2 taken at the weight before the step, L1 dead
// links, unregularised biases. The others follow PyTorch's definitions (see adaptive_update);
// for them L1/L2 are added to the averaged gradient and no link dies (links that are already
// dead, from an SGD run with L1, stay frozen at 0).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace nnplay {

enum class Regularization { None, L1, L2 };

enum class OptimizerKind { Sgd, Momentum, Nesterov, RmsProp, Adam, AdamW };

// Arrays of per-parameter state a kind keeps: a velocity (momentum, Nesterov), a running mean of
// squares (RMSprop), the first and second moments (Adam, AdamW).
inline int state_array_count(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::Sgd: return 0;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: return 2;
    default: return 1;
  }
}

// A run [begin, end) of the flat buffers that one rule covers: weights are regularised and can
// die under L1; biases are neither.
struct ParamRange {
  std::size_t begin, end;
  bool weights;
};

template <typename T>
struct SgdSettings {
  T learning_rate = 0;
  T regularization_rate = 0;
  Regularization regularization = Regularization::None;
};

// The non-SGD optimizers' settings, PyTorch's names and defaults (the config's keys).
template <typename T>
struct AdaptiveSettings {
  OptimizerKind kind = OptimizerKind::Momentum;
  T learning_rate = 0;
  T regularization_rate = 0;
  Regularization regularization = Regularization::None;
  T momentum = T(0.9);
  T rms_alpha = T(0.99);
  T beta1 = T(0.9), beta2 = T(0.999);
  T epsilon = T(1e-8);
  T weight_decay = T(0.01);  // AdamW's decoupled decay
};

// Per-parameter state an optimizer keeps between steps, every array the size of the parameter
// buffer and in its layout: momentum would keep one (a velocity), Adam two (its moments) and a
// step count. SGD keeps none, so its arrays stay empty.
// Adam's beta1^t and beta2^t as running products, one multiply a step: std::pow, twice a
// step, was most of Adam's extra cost per epoch in wasm (bench's train_epochs_per_s_wasm_adam).
// The products are a function of the betas and t alone (t multiplications in order), so a
// loaded model or a change of beta recomputes the same bits; not saved in the model file.
template <typename T>
struct BetaPowers {
  T beta1 = T(0), beta2 = T(0);  // the betas the products are of
  long long t = 0;
  T p1 = T(1), p2 = T(1);  // beta1^t, beta2^t
  // Advances (or recomputes) the products to step t of betas b1, b2.
  void at(T b1, T b2, long long steps) {
    if (b1 != beta1 || b2 != beta2 || steps < t) *this = BetaPowers{b1, b2, 0, T(1), T(1)};
    for (; t < steps; ++t) {
      if (p1 == T(0) && p2 == T(0)) {  // both underflowed: they stay 0
        t = steps;
        break;
      }
      p1 *= b1;
      p2 *= b2;
    }
  }
};

template <typename T>
struct OptimizerState {
  std::vector<std::vector<T>> per_param;
  long long steps = 0;
  BetaPowers<T> powers;  // a cache of Adam's bias corrections, derived from steps
};

// One SGD step from `grads`, the sum of `examples` examples' gradients: params and dead (1 = an
// L1-dead weight, frozen at 0) change; grads is left as it is (the caller clears it). has_dead
// says whether any link is dead yet (false: the no-regularisation path skips the dead test);
// returns it updated.
template <typename T>
bool sgd_update(T* params, const T* grads, std::uint8_t* dead,
                const std::vector<ParamRange>& ranges, int examples, const SgdSettings<T>& settings,
                bool has_dead);

// One step of a non-SGD kind (settings.kind) from the summed gradient of `examples` examples:
// g = grads / examples, plus rate * sign(w) (L1) or rate * w (L2) on weights. state.per_param
// holds state_array_count(kind) arrays of the buffer's size (the caller sizes them once);
// state.steps counts the steps (Adam's bias correction). Dead links (dead[k] = 1) are skipped
// when has_dead is true.
template <typename T>
void adaptive_update(T* params, const T* grads, const std::uint8_t* dead,
                     const std::vector<ParamRange>& ranges, int examples,
                     const AdaptiveSettings<T>& settings, OptimizerState<T>& state, bool has_dead);

extern template void adaptive_update<double>(double*, const double*, const std::uint8_t*,
                                             const std::vector<ParamRange>&, int,
                                             const AdaptiveSettings<double>&,
                                             OptimizerState<double>&, bool);
extern template void adaptive_update<float>(float*, const float*, const std::uint8_t*,
                                            const std::vector<ParamRange>&, int,
                                            const AdaptiveSettings<float>&, OptimizerState<float>&,
                                            bool);

extern template bool sgd_update<double>(double*, const double*, std::uint8_t*,
                                        const std::vector<ParamRange>&, int,
                                        const SgdSettings<double>&, bool);
extern template bool sgd_update<float>(float*, const float*, std::uint8_t*,
                                       const std::vector<ParamRange>&, int,
                                       const SgdSettings<float>&, bool);

}  // namespace nnplay
