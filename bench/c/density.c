/*
 * Reference C kernels for bench/density.bench.ts: one single-qubit channel (amplitude damping,
 * 2 Kraus operators) applied to a 10-qubit density matrix, qubit by qubit.
 * ρ is 2ⁿ×2ⁿ complex, row-major, interleaved re/im doubles, qubit 0 = least significant bit (like ours).
 *
 * Two kernels, both plain single-threaded C:
 *   kraus  — the textbook form: for every 2×2 block B, ρ' = Σ_k K_k B K_k† (complex arithmetic);
 *   superop — the same map folded into a 4×4 superoperator S = Σ K⊗conj(K) (what the TS code does).
 *
 * Usage: density <nQubits> <reps> <gamma>. Each rep applies the channel to qubits 0…n−1 once; after an
 * untimed warm-up rep, the MEDIAN rep's time / n is reported (the same protocol as the TS side).
 * Prints one JSON line: {"n":…, "reps":…, "krausSecondsPerApply":…, "superopSecondsPerApply":…, "checksum":…}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }

/* K: nk operators, each 8 doubles (2×2 interleaved row-major). */
static void apply_kraus(double *restrict rho, int n, int q, const double *K, int nk) {
  long dim = 1L << n, bit = 1L << q, low = bit - 1, half = dim >> 1;
  for (long ri = 0; ri < half; ri++) {
    long r0 = ((ri & ~low) << 1) | (ri & low), r1 = r0 | bit;
    for (long ci = 0; ci < half; ci++) {
      long c0 = ((ci & ~low) << 1) | (ci & low), c1 = c0 | bit;
      double *p[4] = { rho + 2 * (r0 * dim + c0), rho + 2 * (r0 * dim + c1), rho + 2 * (r1 * dim + c0), rho + 2 * (r1 * dim + c1) };
      double b[8];
      for (int e = 0; e < 4; e++) { b[2 * e] = p[e][0]; b[2 * e + 1] = p[e][1]; }
      double acc[8] = {0};
      for (int k = 0; k < nk; k++) {
        const double *m = K + 8 * k;
        double t[8];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) {
          double re = 0, im = 0;
          for (int l = 0; l < 2; l++) {
            double ar = m[2 * (2 * i + l)], ai = m[2 * (2 * i + l) + 1], xr = b[2 * (2 * l + j)], xi = b[2 * (2 * l + j) + 1];
            re += ar * xr - ai * xi; im += ar * xi + ai * xr;
          }
          t[2 * (2 * i + j)] = re; t[2 * (2 * i + j) + 1] = im;
        }
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) {
          double re = 0, im = 0;
          for (int l = 0; l < 2; l++) {
            double xr = t[2 * (2 * i + l)], xi = t[2 * (2 * i + l) + 1], kr = m[2 * (2 * j + l)], ki = -m[2 * (2 * j + l) + 1];
            re += xr * kr - xi * ki; im += xr * ki + xi * kr;
          }
          acc[2 * (2 * i + j)] += re; acc[2 * (2 * i + j) + 1] += im;
        }
      }
      for (int e = 0; e < 4; e++) { p[e][0] = acc[2 * e]; p[e][1] = acc[2 * e + 1]; }
    }
  }
}

static void superop(const double *K, int nk, double *s) {
  memset(s, 0, 32 * sizeof(double));
  for (int k = 0; k < nk; k++) {
    const double *m = K + 8 * k;
    for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) {
      double kr = m[2 * (2 * i + a)], ki = m[2 * (2 * i + a) + 1], lr = m[2 * (2 * j + b)], li = -m[2 * (2 * j + b) + 1];
      int idx = 2 * ((2 * i + j) * 4 + 2 * a + b);
      s[idx] += kr * lr - ki * li; s[idx + 1] += kr * li + ki * lr;
    }
  }
}

static void apply_superop(double *restrict rho, int n, int q, const double *restrict s) {
  long dim = 1L << n, bit = 1L << q, low = bit - 1, half = dim >> 1;
  for (long ri = 0; ri < half; ri++) {
    long r0 = ((ri & ~low) << 1) | (ri & low);
    double *row0 = rho + 2 * r0 * dim, *row1 = rho + 2 * (r0 | bit) * dim;
    for (long ci = 0; ci < half; ci++) {
      long c0 = ((ci & ~low) << 1) | (ci & low);
      double *p00 = row0 + 2 * c0, *p01 = row0 + 2 * (c0 | bit), *p10 = row1 + 2 * c0, *p11 = row1 + 2 * (c0 | bit);
      double in[8] = { p00[0], p00[1], p01[0], p01[1], p10[0], p10[1], p11[0], p11[1] };
      double out[8];
      for (int r = 0; r < 4; r++) {
        double re = 0, im = 0;
        for (int c = 0; c < 4; c++) {
          double sr = s[2 * (4 * r + c)], si = s[2 * (4 * r + c) + 1];
          re += sr * in[2 * c] - si * in[2 * c + 1]; im += sr * in[2 * c + 1] + si * in[2 * c];
        }
        out[2 * r] = re; out[2 * r + 1] = im;
      }
      p00[0] = out[0]; p00[1] = out[1]; p01[0] = out[2]; p01[1] = out[3];
      p10[0] = out[4]; p10[1] = out[5]; p11[0] = out[6]; p11[1] = out[7];
    }
  }
}

/* |+⟩^⊗n ⟨+|^⊗n: every entry 1/2ⁿ — a state with all coherences present. */
static void init(double *rho, int n) {
  long dim = 1L << n;
  for (long i = 0; i < dim * dim; i++) { rho[2 * i] = 1.0 / dim; rho[2 * i + 1] = 0; }
}

static double checksum(const double *rho, int n) {
  long dim = 1L << n; double s = 0;
  for (long i = 0; i < dim; i++) s += rho[2 * (i * dim + i)] * (double)(i % 7 + 1);
  return s;
}

static int cmp_double(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static double median(double *xs, int n) { qsort(xs, n, sizeof(double), cmp_double); return xs[(n - 1) / 2]; }

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10, reps = argc > 2 ? atoi(argv[2]) : 5;
  double gamma = argc > 3 ? atof(argv[3]) : 0.1;
  long dim = 1L << n;
  double *rho = malloc(sizeof(double) * 2 * dim * dim);
  double K[16] = { 1, 0, 0, 0, 0, 0, sqrt(1 - gamma), 0,   0, 0, sqrt(gamma), 0, 0, 0, 0, 0 };
  double S[32];
  /* Warm median, as on the TS side: one untimed warm-up rep, then the median rep / n. */
  double *tr = malloc(sizeof(double) * reps);
  init(rho, n);
  for (int q = 0; q < n; q++) apply_kraus(rho, n, q, K, 2); /* warm-up */
  init(rho, n);
  for (int r = 0; r < reps; r++) { double t0 = now(); for (int q = 0; q < n; q++) apply_kraus(rho, n, q, K, 2); tr[r] = (now() - t0) / n; }
  double tk = median(tr, reps);
  double ck = checksum(rho, n);
  init(rho, n);
  superop(K, 2, S);
  for (int q = 0; q < n; q++) apply_superop(rho, n, q, S); /* warm-up */
  init(rho, n);
  for (int r = 0; r < reps; r++) { double t0 = now(); superop(K, 2, S); for (int q = 0; q < n; q++) apply_superop(rho, n, q, S); tr[r] = (now() - t0) / n; }
  double ts = median(tr, reps);
  double cs = checksum(rho, n);
  free(tr);
  printf("{\"n\":%d,\"reps\":%d,\"krausSecondsPerApply\":%.9g,\"superopSecondsPerApply\":%.9g,\"checksumKraus\":%.15g,\"checksumSuperop\":%.15g}\n", n, reps, tk, ts, ck, cs);
  free(rho);
  return 0;
}
