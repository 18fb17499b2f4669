// Optimizers: one update step over the flat parameter, gradient and dead-link arrays (the layout
// network.hpp describes), as free functions in the style of llm.c's update step, templated on
// the scalar type (the 2-D playground trains in double; an image model will train in float).
// Today there is the reference's SGD: averaged gradient, L1/L2 taken at the weight before the
// step, L1 dead links, unregularised biases.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace nnplay {

enum class Regularization { None, L1, L2 };

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

// Per-parameter state an optimizer keeps between steps, every array the size of the parameter
// buffer and in its layout: momentum would keep one (a velocity), Adam two (its moments) and a
// step count. SGD keeps none, so its arrays stay empty.
template <typename T>
struct OptimizerState {
  std::vector<std::vector<T>> per_param;
  long long steps = 0;
};

// One SGD step from `grads`, the sum of `examples` examples' gradients: params and dead (1 = an
// L1-dead weight, frozen at 0) change; grads is left as it is (the caller clears it). has_dead
// says whether any link is dead yet (false: the no-regularisation path skips the dead test);
// returns it updated.
template <typename T>
bool sgd_update(T* params, const T* grads, std::uint8_t* dead,
                const std::vector<ParamRange>& ranges, int examples, const SgdSettings<T>& settings,
                bool has_dead);

extern template bool sgd_update<double>(double*, const double*, std::uint8_t*,
                                        const std::vector<ParamRange>&, int,
                                        const SgdSettings<double>&, bool);
extern template bool sgd_update<float>(float*, const float*, std::uint8_t*,
                                       const std::vector<ParamRange>&, int,
                                       const SgdSettings<float>&, bool);

}  // namespace nnplay
