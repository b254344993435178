#pragma once
// The demo generator's randomness: a small PRNG (xoshiro256**, seeded through
// splitmix64) and distribution helpers written out here, so a seed gives the
// same numbers with every compiler and standard library (the std::
// distributions' algorithms are implementation-defined). Only IEEE-754 basic
// arithmetic, floor, round and ldexp are used - no libm transcendental
// function - so results are bit-identical across platforms too, provided the
// compiler does not fuse a*b+c into FMA (GCC in ISO C++ mode does not; clang
// on ARM64 does unless built with -ffp-contract=off).
#include <array>
#include <cstddef>
#include <cstdint>

namespace convstat::core::demo {

// One splitmix64 step: advances `state` and returns the next output.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A well-mixed seed derived from a parent seed and two stream ids, so that
// e.g. (seed, tenant, conversation) each get an independent stream.
constexpr std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t s = seed;
  std::uint64_t x = splitmix64(s) ^ (a * 0xd1342543de82ef95ULL);
  x = splitmix64(x) ^ (b * 0xaf251af3b0f025b5ULL);
  return splitmix64(x);
}

// e^x for |x| <= 700 from arithmetic only (range reduction by ln 2, Taylor
// series, ldexp); relative error below 1e-15.
double det_exp(double x);

// xoshiro256** with helpers. Cheap to construct: one per conversation.
class Rng {
public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [lo, hi] (hi >= lo, hi - lo < 2^53).
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // True with probability p.
  bool chance(double p) { return uniform() < p; }
  // Standard normal, approximated by the Irwin-Hall sum of 12 uniforms
  // (mean 0, sd 1, tails cut at +-6: plenty for synthetic data).
  double normal();
  double normal(double mean, double sd) { return mean + sd * normal(); }
  // Log-normal with the given median and log-space sigma.
  double lognormal(double median, double sigma) { return median * det_exp(sigma * normal()); }
  // Index drawn with probability weights[i] / sum(weights).
  template <std::size_t N>
  std::size_t weighted(const std::array<double, N>& weights) {
    return weighted_index(weights.data(), N);
  }
  std::size_t weighted_index(const double* weights, std::size_t count);
  // Uniform index in [0, count).
  std::size_t index(std::size_t count) { return static_cast<std::size_t>(between(0, static_cast<std::int64_t>(count) - 1)); }

private:
  std::array<std::uint64_t, 4> m_s;
};

}  // namespace convstat::core::demo
