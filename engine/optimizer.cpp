// The optimizers' update steps; see optimizer.hpp. Each rule is written as the reference
// writes it, operation for operation, so that the numbers stay those of the reference.
#include "optimizer.hpp"

namespace nnplay {

template <typename T>
bool sgd_update(T* __restrict p, const T* __restrict g, std::uint8_t* __restrict dead,
                const std::vector<ParamRange>& ranges, int examples, const SgdSettings<T>& settings,
                bool has_dead) {
  if (examples == 0) return has_dead;
  const T n = T(examples);
  const T learning_rate = settings.learning_rate;
  const T step = learning_rate / n;  // the reference's (learningRate / n) * acc
  const T reg_step = learning_rate * settings.regularization_rate;
  for (const ParamRange& r : ranges) {
    const std::size_t begin = r.begin, end = r.end;
    if (!r.weights) {  // biases: never regularised
      for (std::size_t k = begin; k < end; ++k) p[k] -= learning_rate * g[k] / n;
      continue;
    }
    switch (settings.regularization) {
      case Regularization::None:  // dead links exist only after L1; keep them frozen
        if (!has_dead) {
          for (std::size_t k = begin; k < end; ++k) p[k] -= step * g[k];
          break;
        }
        for (std::size_t k = begin; k < end; ++k) p[k] = dead[k] ? p[k] : p[k] - step * g[k];
        break;
      case Regularization::L2:  // R'(w) = w at the weight before the step
        for (std::size_t k = begin; k < end; ++k) {
          const T w = p[k];
          p[k] = dead[k] ? w : (w - step * g[k]) - reg_step * w;
        }
        break;
      case Regularization::L1:  // R'(w) = sign(w); a weight that crosses zero dies
        for (std::size_t k = begin; k < end; ++k) {
          if (dead[k]) continue;
          const T w = p[k];
          const T sign = w < 0 ? T(-1) : (w > 0 ? T(1) : T(0));
          const T stepped = w - step * g[k];
          const T regularized = stepped - reg_step * sign;
          if (stepped * regularized < 0) {
            p[k] = 0;
            dead[k] = 1;
            has_dead = true;
          } else {
            p[k] = regularized;
          }
        }
        break;
    }
  }
  return has_dead;
}

template bool sgd_update<double>(double*, const double*, std::uint8_t*,
                                 const std::vector<ParamRange>&, int, const SgdSettings<double>&,
                                 bool);
template bool sgd_update<float>(float*, const float*, std::uint8_t*, const std::vector<ParamRange>&,
                                int, const SgdSettings<float>&, bool);

}  // namespace nnplay
