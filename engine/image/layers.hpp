// The image network's layers as pairs of forward and backward kernels over flat buffers, one
// example at a time, templated on the scalar (the network trains in float; the gradient checks
// run the same code in double). Images are channel-major: x[c][row][col]. Backward kernels add
// their parameters' gradients into dw and db (a batch sums its examples) and write the input's
// gradient dx when it is asked for (the first layer's is not needed).
#pragma once
#include <cstddef>

namespace nnplay::image {

struct Shape {
  int c = 0, h = 0, w = 0;
  int size() const { return c * h * w; }
};

// A k x k convolution of F filters with a stride and zero padding (pad rows/columns above and
// left; "same" pads so that out = ceil(in / stride), "valid" not at all). Its im2col columns
// are cols[K][P], K = in.c * k * k (channel, then kernel row, then column) and P = out.h * out.w.
struct ConvGeometry {
  Shape in, out;
  int k = 1, stride = 1, pad = 0;
  int K() const { return in.c * k * k; }
  int P() const { return out.h * out.w; }
};

// Max pooling of size x size windows with a stride (no padding: windows that would cross the
// edge are not taken, out = (in - size) / stride + 1).
struct PoolGeometry {
  Shape in, out;
  int size = 2, stride = 2;
};

enum class ImageActivation { Linear, Relu, LeakyRelu, Elu, Tanh, Sigmoid };

// x[in] -> cols[K][P]. The entries where the window hangs over the padding are never written:
// they must be 0 from the start (a network keeps each layer's columns, zeroed once).
template <typename T>
void im2col(const ConvGeometry& g, const T* x, T* cols);
// dx[in] += the columns' gradient folded back onto the input.
template <typename T>
void col2im_add(const ConvGeometry& g, const T* dcols, T* dx);

// The filters are stored input-major, wt[K][F] (filter f's weight for column row k at
// wt[k * F + f]): then all three products are saxpy-form ones, which vectorise in wasm, where
// the dot-product form (dw = dy cols^T with w[F][K]) ran at a quarter of their speed.
// y[F][P] = wt^T cols[K][P] + b[F], cols written from x first (im2col: its padding entries
// must be 0).
template <typename T>
void conv_forward(const ConvGeometry& g, const T* x, const T* wt, const T* b, T* cols, T* y);
// dy[F][P] (the gradient at the output, activation already taken off): dwt[K][F] += cols dy^T
// (dyt[P][F], scratch, holds dy transposed), db[F] += the rows' sums; if dx: dcols = wt dy and
// dx[in] = col2im(dcols) (overwritten).
template <typename T>
void conv_backward(const ConvGeometry& g, const T* cols, const T* wt, const T* dy, T* dwt, T* db,
                   T* dyt, T* dcols, T* dx);

// y[out] = the window maxima of x[in]; argmax[out] = each maximum's index in x (the first of
// equal values, row-major in its window).
template <typename T>
void pool_forward(const PoolGeometry& g, const T* x, T* y, int* argmax);
// dx[in] = dy routed back to each window's maximum (overwritten; overlapping windows add).
template <typename T>
void pool_backward(const PoolGeometry& g, const T* dy, const int* argmax, T* dx);

// y[n] = w[n][k] x[k] + b[n].
template <typename T>
void dense_forward(int n, int k, const T* x, const T* w, const T* b, T* y);
// dw[n][k] += dy x^T, db[n] += dy; if dx: dx[k] = w^T dy (overwritten).
template <typename T>
void dense_backward(int n, int k, const T* x, const T* w, const T* dy, T* dw, T* db, T* dx);

// In place, y[n] = f(y); and dy[n] *= f'(.) from the activated outputs y (every one of these
// activations' derivatives is a function of its output).
template <typename T>
void activate(ImageActivation f, T* y, int n);
template <typename T>
void activation_backward(ImageActivation f, const T* y, T* dy, int n);

// probs[n] = softmax(logits); returns -log probs[label] and writes dlogits = probs - onehot.
// Stable for any logits (the maximum is taken off first).
template <typename T>
void softmax(const T* logits, int n, T* probs);
template <typename T>
T softmax_cross_entropy(const T* logits, int n, int label, T* probs, T* dlogits);

// The geometry of a k x k convolution of `filters` filters over `in`; false when it leaves no
// output (a valid convolution larger than its input).
bool conv_geometry(Shape in, int k, int stride, bool same, int filters, ConvGeometry& g);
bool pool_geometry(Shape in, int size, int stride, PoolGeometry& g);

}  // namespace nnplay::image
