/*
 * General-circuit C reference for bench/general.bench.ts: any circuit, gate by gate, complex
 * amplitudes, the textbook kernels (no fusion, no tiling, single thread):
 *   m1 — a 2×2 complex matrix on a target, optionally only where one control bit is 1;
 *   d1 — a diagonal 2×2 (phases) on a target, optionally controlled (RZ, T, CZ, CP, CRZ…);
 *   x1 — X on a target, optionally only where one control bit is 1 (X, CX): swaps, no arithmetic;
 *   sw — SWAP of two qubits: swaps of the |01⟩, |10⟩ amplitudes in contiguous runs;
 *   m2 — a dense 4×4 complex matrix on two qubits (RZZ, RXX…), over the quarter of indices with both bits 0.
 * Amplitudes are interleaved re/im doubles, qubit 0 = least significant bit (like ours).
 *
 * Usage: general <nQubits> <reps> <circuitFile> <init>   (init: zero = |0…0⟩, uniform = |+…+⟩)
 * Circuit file: one gate per line, "m1 t ctrlMask 8 doubles", "d1 t ctrlMask 4 doubles",
 * "m2 q0 q1 32 doubles" (row-major, q0 = least significant bit of the 4×4's index), "x1 t ctrlMask",
 * "sw q0 q1".
 * Prints {"n":…, "reps":…, "secondsPerCircuit":[…], "cpuSecondsPerCircuit":[…], "p1Last":…} (wall
 * and process CPU time per rep); the state is reset (inside the timer, as ours) before each rep.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { int kind; int q0, q1; long ctrl; double m[32]; } Gate;

static void apply_m1(double *restrict a, long dim, int t, const double *m) {
  const double m00r = m[0], m00i = m[1], m01r = m[2], m01i = m[3], m10r = m[4], m10i = m[5], m11r = m[6], m11i = m[7];
  long half = 1L << t;
  for (long base = 0; base < dim; base += 2 * half) {
    for (long i = base; i < base + half; i++) {
      long j = i + half;
      double xr = a[2 * i], xi = a[2 * i + 1], yr = a[2 * j], yi = a[2 * j + 1];
      a[2 * i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
      a[2 * i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
      a[2 * j] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
      a[2 * j + 1] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
    }
  }
}

/* Controlled 2×2: visit only indices with control = 1 and target = 0, in contiguous runs. */
static void apply_m1_ctrl(double *restrict a, long dim, int t, int c, const double *m) {
  const double m00r = m[0], m00i = m[1], m01r = m[2], m01i = m[3], m10r = m[4], m10i = m[5], m11r = m[6], m11i = m[7];
  int lo = c < t ? c : t, hi = c < t ? t : c;
  long loStep = 1L << lo, hiStep = 1L << hi, cbit = 1L << c, half = 1L << t;
  for (long outer = 0; outer < dim; outer += 2 * hiStep) {
    for (long mid = outer; mid < outer + hiStep; mid += 2 * loStep) {
      long start = mid | cbit;
      for (long i = start; i < start + loStep; i++) {
        long j = i + half;
        double xr = a[2 * i], xi = a[2 * i + 1], yr = a[2 * j], yi = a[2 * j + 1];
        a[2 * i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
        a[2 * i + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
        a[2 * j] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
        a[2 * j + 1] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
      }
    }
  }
}

static inline void phase_run(double *restrict a, long from, long to, double pr, double pi) {
  for (long i = from; i < to; i++) {
    double xr = a[2 * i], xi = a[2 * i + 1];
    a[2 * i] = pr * xr - pi * xi;
    a[2 * i + 1] = pr * xi + pi * xr;
  }
}

/* Diagonal: each contiguous half-block gets its phase; controlled: only blocks with control = 1. */
static void apply_d1(double *restrict a, long dim, int t, int c, const double *d) {
  long half = 1L << t;
  if (c < 0) {
    for (long base = 0; base < dim; base += 2 * half) {
      phase_run(a, base, base + half, d[0], d[1]);
      phase_run(a, base + half, base + 2 * half, d[2], d[3]);
    }
    return;
  }
  int lo = c < t ? c : t, hi = c < t ? t : c;
  long loStep = 1L << lo, hiStep = 1L << hi, cbit = 1L << c;
  for (long outer = 0; outer < dim; outer += 2 * hiStep) {
    for (long mid = outer; mid < outer + hiStep; mid += 2 * loStep) {
      long start = mid | cbit;
      phase_run(a, start, start + loStep, d[0], d[1]);
      phase_run(a, start + half, start + half + loStep, d[2], d[3]);
    }
  }
}

/* X (ctrl < 0) or CX: swap the target pairs, only where the control is 1, in contiguous runs. */
static void apply_x1(double *restrict a, long dim, int t, int c) {
  long half = 1L << t;
  if (c < 0) {
    for (long base = 0; base < dim; base += 2 * half)
      for (long i = base; i < base + half; i++) {
        long j = i + half;
        double xr = a[2 * i], xi = a[2 * i + 1];
        a[2 * i] = a[2 * j]; a[2 * i + 1] = a[2 * j + 1]; a[2 * j] = xr; a[2 * j + 1] = xi;
      }
    return;
  }
  int lo = c < t ? c : t, hi = c < t ? t : c;
  long loStep = 1L << lo, hiStep = 1L << hi, cbit = 1L << c;
  for (long outer = 0; outer < dim; outer += 2 * hiStep)
    for (long mid = outer; mid < outer + hiStep; mid += 2 * loStep) {
      long start = mid | cbit;
      for (long i = start; i < start + loStep; i++) {
        long j = i + half;
        double xr = a[2 * i], xi = a[2 * i + 1];
        a[2 * i] = a[2 * j]; a[2 * i + 1] = a[2 * j + 1]; a[2 * j] = xr; a[2 * j + 1] = xi;
      }
    }
}

/* SWAP: exchange amplitudes |…1…0…⟩ and |…0…1…⟩ (bits q0, q1) in contiguous runs. */
static void apply_swap(double *restrict a, long dim, int q0, int q1) {
  int lo = q0 < q1 ? q0 : q1, hi = q0 < q1 ? q1 : q0;
  long loStep = 1L << lo, hiStep = 1L << hi;
  for (long outer = 0; outer < dim; outer += 2 * hiStep)
    for (long mid = outer; mid < outer + hiStep; mid += 2 * loStep)
      for (long i = mid + loStep; i < mid + 2 * loStep; i++) {
        long j = i - loStep + hiStep; /* lo bit 1, hi bit 0  <->  lo bit 0, hi bit 1 */
        double xr = a[2 * i], xi = a[2 * i + 1];
        a[2 * i] = a[2 * j]; a[2 * i + 1] = a[2 * j + 1]; a[2 * j] = xr; a[2 * j + 1] = xi;
      }
}

static void apply_m2(double *restrict a, long dim, int q0, int q1, const double *m) {
  long b0 = 1L << q0, b1 = 1L << q1;
  long off[4] = { 0, b0, b1, b0 | b1 };
  int lo = q0 < q1 ? q0 : q1, hi = q0 < q1 ? q1 : q0;
  long loM = (1L << lo) - 1, hiM = (1L << (hi - 1)) - 1;
  for (long k = 0; k < dim / 4; k++) {
    /* insert zero bits at lo, then at hi */
    long x = ((k & ~loM) << 1) | (k & loM);
    long i = ((x & ~((hiM << 1) | 1)) << 1) | (x & ((hiM << 1) | 1));
    double xr[4], xi[4];
    for (int s = 0; s < 4; s++) { xr[s] = a[2 * (i + off[s])]; xi[s] = a[2 * (i + off[s]) + 1]; }
    for (int r = 0; r < 4; r++) {
      double re = 0, im = 0;
      for (int c = 0; c < 4; c++) {
        double mr = m[2 * (4 * r + c)], mi = m[2 * (4 * r + c) + 1];
        re += mr * xr[c] - mi * xi[c];
        im += mr * xi[c] + mi * xr[c];
      }
      a[2 * (i + off[r])] = re;
      a[2 * (i + off[r]) + 1] = im;
    }
  }
}

static void run_circuit(double *a, int n, const Gate *g, int count, int uniform) {
  long dim = 1L << n;
  if (uniform) { double v = 1.0 / sqrt((double)dim); for (long i = 0; i < dim; i++) { a[2 * i] = v; a[2 * i + 1] = 0; } }
  else { memset(a, 0, sizeof(double) * 2 * dim); a[0] = 1.0; }
  for (int k = 0; k < count; k++) {
    const Gate *x = &g[k];
    if (x->kind == 0) {
      if (x->ctrl == 0) apply_m1(a, dim, x->q0, x->m);
      else apply_m1_ctrl(a, dim, x->q0, __builtin_ctzl(x->ctrl), x->m);
    } else if (x->kind == 1) apply_d1(a, dim, x->q0, x->ctrl == 0 ? -1 : __builtin_ctzl(x->ctrl), x->m);
    else if (x->kind == 3) apply_x1(a, dim, x->q0, x->ctrl == 0 ? -1 : __builtin_ctzl(x->ctrl));
    else if (x->kind == 4) apply_swap(a, dim, x->q0, x->q1);
    else apply_m2(a, dim, x->q0, x->q1, x->m);
  }
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU time of this process: less disturbed than wall time when other processes share the cores. */
static double cpu_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 5) { fprintf(stderr, "usage: %s nQubits reps circuitFile zero|uniform\n", argv[0]); return 2; }
  int n = atoi(argv[1]), reps = atoi(argv[2]), uniform = strcmp(argv[4], "uniform") == 0;
  if (n < 1 || n > 26 || reps < 1) { fprintf(stderr, "invalid arguments\n"); return 2; }
  FILE *f = fopen(argv[3], "r");
  if (!f) { fprintf(stderr, "cannot open %s\n", argv[3]); return 2; }
  int cap = 1024, count = 0;
  Gate *g = malloc(sizeof(Gate) * cap);
  char kind[8];
  while (fscanf(f, "%7s", kind) == 1) {
    if (count == cap) { cap *= 2; g = realloc(g, sizeof(Gate) * cap); }
    Gate *x = &g[count++];
    memset(x, 0, sizeof(Gate));
    int nm;
    if (strcmp(kind, "m1") == 0) { x->kind = 0; nm = 8; if (fscanf(f, "%d %ld", &x->q0, &x->ctrl) != 2) return 3; }
    else if (strcmp(kind, "d1") == 0) { x->kind = 1; nm = 4; if (fscanf(f, "%d %ld", &x->q0, &x->ctrl) != 2) return 3; }
    else if (strcmp(kind, "m2") == 0) { x->kind = 2; nm = 32; if (fscanf(f, "%d %d", &x->q0, &x->q1) != 2) return 3; }
    else if (strcmp(kind, "x1") == 0) { x->kind = 3; nm = 0; if (fscanf(f, "%d %ld", &x->q0, &x->ctrl) != 2) return 3; }
    else if (strcmp(kind, "sw") == 0) { x->kind = 4; nm = 0; if (fscanf(f, "%d %d", &x->q0, &x->q1) != 2) return 3; }
    else { fprintf(stderr, "bad gate kind %s\n", kind); return 3; }
    for (int i = 0; i < nm; i++) if (fscanf(f, "%lf", &x->m[i]) != 1) return 3;
  }
  fclose(f);
  long dim = 1L << n;
  double *a = aligned_alloc(64, sizeof(double) * 2 * dim);
  if (!a) { fprintf(stderr, "out of memory\n"); return 1; }
  double *cpu = malloc(sizeof(double) * reps);
  printf("{\"n\":%d,\"reps\":%d,\"gates\":%d,\"secondsPerCircuit\":[", n, reps, count);
  for (int r = 0; r < reps; r++) {
    double t0 = now_s(), c0 = cpu_s();
    run_circuit(a, n, g, count, uniform);
    double t1 = now_s();
    cpu[r] = cpu_s() - c0;
    printf("%s%.9g", r ? "," : "", t1 - t0);
  }
  printf("],\"cpuSecondsPerCircuit\":[");
  for (int r = 0; r < reps; r++) printf("%s%.9g", r ? "," : "", cpu[r]);
  free(cpu);
  double p1 = 0;
  long top = 1L << (n - 1);
  for (long i = top; i < dim; i++) p1 += a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
  printf("],\"p1Last\":%.17g}\n", p1);
  free(a);
  free(g);
  return 0;
}
