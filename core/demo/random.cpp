#include "core/demo/random.hpp"

#include <cmath>

namespace convstat::core::demo {
namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

double det_exp(double x) {
  if (x > 700.0) x = 700.0;
  if (x < -700.0) return 0.0;
  constexpr double k_ln2_hi = 6.93147180369123816490e-01;  // ln 2 split so k * hi is exact
  constexpr double k_ln2_lo = 1.90821492927058770002e-10;
  constexpr double k_inv_ln2 = 1.44269504088896338700e+00;
  const double k = std::floor(x * k_inv_ln2 + 0.5);
  const double r = (x - k * k_ln2_hi) - k * k_ln2_lo;  // |r| <= 0.35
  // Taylor series of e^r to r^13 / 13! (truncation error < 1e-17 on |r| <= 0.35).
  double sum = 1.0;
  for (int n = 13; n >= 1; --n) sum = 1.0 + sum * r / n;
  return std::ldexp(sum, static_cast<int>(k));
}

Rng::Rng(std::uint64_t seed) {
  for (auto& word : m_s) word = splitmix64(seed);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
  const std::uint64_t t = m_s[1] << 17;
  m_s[2] ^= m_s[0];
  m_s[3] ^= m_s[1];
  m_s[1] ^= m_s[2];
  m_s[0] ^= m_s[3];
  m_s[2] ^= t;
  m_s[3] = rotl(m_s[3], 45);
  return result;
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) {
  const double span = static_cast<double>(hi - lo) + 1.0;
  const auto offset = static_cast<std::int64_t>(uniform() * span);
  return offset > hi - lo ? hi : lo + offset;
}

double Rng::normal() {
  double sum = 0.0;
  for (int i = 0; i < 12; ++i) sum += uniform();
  return sum - 6.0;
}

std::size_t Rng::weighted_index(const double* weights, std::size_t count) {
  double total = 0.0;
  for (std::size_t i = 0; i < count; ++i) total += weights[i];
  double u = uniform() * total;
  for (std::size_t i = 0; i < count; ++i) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  return count - 1;
}

}  // namespace convstat::core::demo
