// The optimizers' update steps; see optimizer.hpp. Each rule is written as the reference
// writes it, operation for operation, so that the numbers stay those of the reference.
#include "optimizer.hpp"

#include <algorithm>
#include <cmath>

namespace nnplay {

namespace {

template <typename T>
inline T sign_of(T w) {
  return T(w > 0) - T(w < 0);
}

// Calls rule(k, w, g) -> the new weight for every live parameter k, with w its value and g its
// averaged, regularised gradient; a tight loop per range that the compiler vectorises.
template <typename T, typename Rule>
void for_each_param(T* __restrict p, const T* __restrict g, const std::uint8_t* __restrict dead,
                    const std::vector<ParamRange>& ranges, T n, T l1, T l2, bool has_dead,
                    Rule rule) {
  for (const ParamRange& r : ranges) {
    const T a1 = r.weights ? l1 : T(0), a2 = r.weights ? l2 : T(0);
    const std::size_t begin = r.begin, end = r.end;
    if (!has_dead || !r.weights) {
      for (std::size_t k = begin; k < end; ++k) {
        const T w = p[k];
        p[k] = rule(k, w, g[k] / n + a2 * w + a1 * sign_of(w), r.weights);
      }
    } else {
      for (std::size_t k = begin; k < end; ++k) {
        if (dead[k]) continue;  // frozen at 0 (killed by an earlier SGD step with L1)
        const T w = p[k];
        p[k] = rule(k, w, g[k] / n + a2 * w + a1 * sign_of(w), r.weights);
      }
    }
  }
}

// Adam's step for parameter k, the moments m and v beside the parameters, g the summed
// gradient; two of the rule's three divisions are products (1/n and 1/sqrt(1 - beta2^t) once
// per step): a chain of divisions was most of Adam's cost. One function for both loops below,
// so that the dead-link path's numbers are the fast path's.
template <typename T, bool Regularized = true>
struct AdamRule {
  T inv_n, l1, l2, keep, b1, b2, r1, r2, step, inv_root2, eps;
  inline void operator()(T* __restrict p, const T* __restrict g, T* __restrict m, T* __restrict v,
                         std::size_t k) const {
    const T w = p[k];
    T gk = g[k] * inv_n;
    if (Regularized) gk = gk + l2 * w + l1 * sign_of(w);
    const T mk = b1 * m[k] + r1 * gk;
    const T vk = b2 * v[k] + r2 * gk * gk;
    m[k] = mk;
    v[k] = vk;
    p[k] = (Regularized ? w * keep : w) - step * mk / (std::sqrt(vk) * inv_root2 + eps);
  }
};

// One range of Adam's step with unaliased pointers, so that the loop vectorises; dead links
// (frozen by an SGD step with L1 before a switch) are skipped when dead is given.
template <typename T, typename Rule>
void adam_range(T* __restrict p, const T* __restrict g, T* __restrict m, T* __restrict v,
                const std::uint8_t* __restrict dead, std::size_t begin, std::size_t end,
                const Rule& shared) {
  const Rule rule = shared;  // a local copy: its fields stay in registers
  if (dead == nullptr) {
    for (std::size_t k = begin; k < end; ++k) rule(p, g, m, v, k);
  } else {
    for (std::size_t k = begin; k < end; ++k)
      if (!dead[k]) rule(p, g, m, v, k);
  }
}

}  // namespace

template <typename T>
void adaptive_update(T* p, const T* g, const std::uint8_t* dead,
                     const std::vector<ParamRange>& ranges, int examples,
                     const AdaptiveSettings<T>& s, OptimizerState<T>& state, bool has_dead) {
  if (examples == 0) return;
  const T n = T(examples), lr = s.learning_rate;
  const T l1 = s.regularization == Regularization::L1 ? s.regularization_rate : T(0);
  const T l2 = s.regularization == Regularization::L2 ? s.regularization_rate : T(0);
  ++state.steps;
  T* a = state.per_param.size() > 0 ? state.per_param[0].data() : nullptr;
  T* b = state.per_param.size() > 1 ? state.per_param[1].data() : nullptr;
  switch (s.kind) {
    case OptimizerKind::Sgd: break;  // sgd_update's
    case OptimizerKind::Momentum: {  // v = mu v + g; w -= lr v
      const T mu = s.momentum;
      for_each_param(p, g, dead, ranges, n, l1, l2, has_dead, [&](std::size_t k, T w, T gk, bool) {
        a[k] = mu * a[k] + gk;
        return w - lr * a[k];
      });
      break;
    }
    case OptimizerKind::Nesterov: {  // v = mu v + g; w -= lr (g + mu v)
      const T mu = s.momentum;
      for_each_param(p, g, dead, ranges, n, l1, l2, has_dead, [&](std::size_t k, T w, T gk, bool) {
        a[k] = mu * a[k] + gk;
        return w - lr * (gk + mu * a[k]);
      });
      break;
    }
    case OptimizerKind::RmsProp: {  // s = alpha s + (1 - alpha) g^2; w -= lr g / (sqrt(s) + eps)
      const T alpha = s.rms_alpha, rest = T(1) - s.rms_alpha, eps = s.epsilon;
      for_each_param(p, g, dead, ranges, n, l1, l2, has_dead, [&](std::size_t k, T w, T gk, bool) {
        a[k] = alpha * a[k] + rest * gk * gk;
        return w - lr * gk / (std::sqrt(a[k]) + eps);
      });
      break;
    }
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: {
      // PyTorch's form: step = lr / (1 - beta1^t), denom = sqrt(v) / sqrt(1 - beta2^t) + eps.
      const T b1 = s.beta1, b2 = s.beta2;
      state.powers.at(b1, b2, state.steps);
      const T step = lr / (T(1) - state.powers.p1);
      const T inv_root2 = T(1) / std::sqrt(T(1) - state.powers.p2);
      // AdamW's decoupled decay, w *= 1 - lr wd, before the step; on weights only (the biases
      // are never regularised here).
      const T keep = s.kind == OptimizerKind::AdamW ? T(1) - lr * s.weight_decay : T(1);
      const T inv_n = T(1) / n, r1 = T(1) - b1, r2 = T(1) - b2;
      const AdamRule<T> on_weights{inv_n, l1, l2, keep, b1, b2, r1, r2, step, inv_root2, s.epsilon};
      const AdamRule<T> on_biases{inv_n, T(0), T(0), T(1),      b1,       b2,
                                  r1,    r2,   step, inv_root2, s.epsilon};
      // Without regularisation or decay the two rules are one: one loop over the whole buffer
      // (the ranges tile it) instead of two short loops a layer.
      std::size_t lo = ranges.empty() ? 0 : ranges[0].begin, hi = lo, covered = 0;
      for (const ParamRange& r : ranges) {
        lo = std::min(lo, r.begin);
        hi = std::max(hi, r.end);
        covered += r.end - r.begin;
      }
      if (l1 == T(0) && l2 == T(0) && keep == T(1) && covered == hi - lo) {
        const AdamRule<T, false> plain{inv_n, l1, l2,   keep,      b1,       b2,
                                       r1,    r2, step, inv_root2, s.epsilon};
        adam_range(p, g, a, b, has_dead ? dead : nullptr, lo, hi, plain);
        break;
      }
      for (const ParamRange& r : ranges)
        adam_range(p, g, a, b, has_dead && r.weights ? dead : nullptr, r.begin, r.end,
                   r.weights ? on_weights : on_biases);
      break;
    }
  }
}

template void adaptive_update<double>(double*, const double*, const std::uint8_t*,
                                      const std::vector<ParamRange>&, int,
                                      const AdaptiveSettings<double>&, OptimizerState<double>&,
                                      bool);
template void adaptive_update<float>(float*, const float*, const std::uint8_t*,
                                     const std::vector<ParamRange>&, int,
                                     const AdaptiveSettings<float>&, OptimizerState<float>&, bool);

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
