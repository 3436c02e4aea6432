/*
 * Reference C kernel for bench/quantum.bench.ts: the same benchmark circuit, gate by gate,
 * single-threaded, no fusion. n qubits, 10 layers; layer L applies RY(θ_{L,q}) (L even) or
 * H (L odd) to every qubit, then CX(q, q+1) for q = 0…n−2. θ_{L,q} = 0.1 + 0.05·(L·n + q).
 * Amplitudes are interleaved re/im doubles, qubit 0 = least significant bit (like ours).
 *
 * Usage: statevector <nQubits> <reps>. Prints one JSON line:
 *   {"n":…, "reps":…, "secondsPerCircuit":[…], "p1Last":…}
 * Time is measured here with clock_gettime(CLOCK_MONOTONIC) around each circuit run.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void apply_real_1q(double *restrict a, long dim, int q, double m00, double m01, double m10, double m11) {
  long half = 1L << q;
  for (long base = 0; base < dim; base += 2 * half) {
    for (long i = base; i < base + half; i++) {
      long j = i + half;
      double xr = a[2 * i], xi = a[2 * i + 1], yr = a[2 * j], yi = a[2 * j + 1];
      a[2 * i] = m00 * xr + m01 * yr;
      a[2 * i + 1] = m00 * xi + m01 * yi;
      a[2 * j] = m10 * xr + m11 * yr;
      a[2 * j + 1] = m10 * xi + m11 * yi;
    }
  }
}

static void apply_cx(double *restrict a, long dim, int c, int t) {
  /* Visit only the quarter of indices with control = 1 and target = 0, in contiguous runs. */
  int lo = c < t ? c : t, hi = c < t ? t : c;
  long loStep = 1L << lo, hiStep = 1L << hi, cbit = 1L << c, tbit = 1L << t;
  for (long outer = 0; outer < dim; outer += 2 * hiStep) {
    for (long mid = outer; mid < outer + hiStep; mid += 2 * loStep) {
      long start = mid | cbit;
      for (long i = start; i < start + loStep; i++) {
        long j = i | tbit;
        double xr = a[2 * i], xi = a[2 * i + 1];
        a[2 * i] = a[2 * j];
        a[2 * i + 1] = a[2 * j + 1];
        a[2 * j] = xr;
        a[2 * j + 1] = xi;
      }
    }
  }
}

static void run_circuit(double *a, int n) {
  long dim = 1L << n;
  memset(a, 0, sizeof(double) * 2 * dim);
  a[0] = 1.0;
  const double s = 0.70710678118654752440;
  for (int L = 0; L < 10; L++) {
    for (int q = 0; q < n; q++) {
      if (L % 2 == 0) {
        double th = 0.1 + 0.05 * (L * n + q);
        double c = cos(th / 2), sn = sin(th / 2);
        apply_real_1q(a, dim, q, c, -sn, sn, c);
      } else {
        apply_real_1q(a, dim, q, s, s, s, -s);
      }
    }
    for (int q = 0; q + 1 < n; q++) apply_cx(a, dim, q, q + 1);
  }
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s nQubits reps\n", argv[0]); return 2; }
  int n = atoi(argv[1]), reps = atoi(argv[2]);
  if (n < 1 || n > 26 || reps < 1) { fprintf(stderr, "invalid arguments\n"); return 2; }
  long dim = 1L << n;
  double *a = aligned_alloc(64, sizeof(double) * 2 * dim);
  if (!a) { fprintf(stderr, "out of memory\n"); return 1; }
  printf("{\"n\":%d,\"reps\":%d,\"secondsPerCircuit\":[", n, reps);
  for (int r = 0; r < reps; r++) {
    double t0 = now_s();
    run_circuit(a, n);
    double t1 = now_s();
    printf("%s%.9g", r ? "," : "", t1 - t0);
  }
  double p1 = 0;
  long top = 1L << (n - 1);
  for (long i = top; i < dim; i++) p1 += a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
  printf("],\"p1Last\":%.17g}\n", p1);
  free(a);
  return 0;
}
