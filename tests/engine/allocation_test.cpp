// No allocation in the per-frame path (DESIGN.md): an epoch of training, a step and the grid
// prediction allocate nothing once the session is configured, for every optimizer and schedule,
// with dropout and regularisation. The test binary's operator new counts while `counting` is
// set (only around the calls measured; Catch2's own allocations happen outside).
// Under AddressSanitizer (scripts/sanitize) the file is left out: ASan owns operator new and
// reports a replacement's malloc/free pairing as a mismatch; the plain ctest run counts.
#if defined(__SANITIZE_ADDRESS__)
#define NNPLAY_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NNPLAY_UNDER_ASAN 1
#endif
#endif
#ifndef NNPLAY_UNDER_ASAN
#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include "test_helpers.hpp"

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
int* volatile sink = nullptr;  // keeps the self-check's allocation from being optimised out

// Allocations made by `f` (nothing else runs meanwhile: the tests are single-threaded).
template <typename F>
long allocations_in(F&& f) {
  allocations = 0;
  counting = true;
  f();
  counting = false;
  return allocations;
}
}  // namespace

void* operator new(std::size_t n) {
  if (counting) ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace nnplay;
using nnplay::test::configured;

TEST_CASE("the allocation counter sees an allocation", "[alloc]") {
  const long n = allocations_in([] {
    auto* v = new std::vector<int>(100);
    sink = v->data();
    delete v;
  });
  CHECK(n == 2);  // the vector and its buffer
}

TEST_CASE("training epochs, steps and the grid allocate nothing after configure", "[alloc]") {
  for (const char* opt : {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"}) {
    for (const char* schedule : {"constant", "step", "exponential", "cosine"}) {
      INFO(opt << " / " << schedule);
      Session s = configured(std::string(R"({"seed":"alloc","batchSize":7,"optimizer":")") + opt +
                             R"(","lrSchedule":")" + schedule +
                             R"(","lrWarmupEpochs":2,"regularization":"L2",)" +
                             R"("regularizationRate":0.001,"networkShape":[6,4],)" +
                             R"("dropout":[0.2,0],"activation":"relu"})");
      s.train_epochs(1);  // warm-up: the first epoch may size lazily kept buffers
      REQUIRE(s.predict_grid(50));
      const long n = allocations_in([&] {
        s.train_epochs(3);
        s.step(1);
        s.predict_grid(50);
      });
      CHECK(n == 0);
      CHECK(s.epoch() == 5);
    }
  }
}
#endif  // NNPLAY_UNDER_ASAN
