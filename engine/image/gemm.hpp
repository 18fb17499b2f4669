// The image engine's three matrix products over row-major buffers, the inner loops of its
// convolution and fully connected layers (layers.cpp):
//   gemm_nn: C[M][N] (+)= A[M][K] B[K][N]     (a convolution's forward pass on im2col columns)
//   gemm_tn: C[M][N] (+)= A[K][M]^T B[K][N]   (the gradient of the columns: W^T dY)
//   gemm_nt: C[M][N] (+)= A[M][K] B[N][K]^T   (the gradient of the filters: dY X^T; a dense
//                                              layer's forward pass, N = 1)
// accumulate = false overwrites C. Written with 16-byte vector types (GCC/Clang vector
// extensions): -msimd128 makes them wasm SIMD, a plain wasm build scalar code, x86 SSE.
// Every order of summation is fixed by the sizes alone, so a product is the same bits on every
// run (the same seed gives the same training run).
#pragma once

namespace nnplay::image {

template <typename T>
void gemm_nn(int M, int N, int K, const T* A, const T* B, T* C, bool accumulate);
template <typename T>
void gemm_tn(int M, int N, int K, const T* A, const T* B, T* C, bool accumulate);
template <typename T>
void gemm_nt(int M, int N, int K, const T* A, const T* B, T* C, bool accumulate);

}  // namespace nnplay::image
