// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Hand-written forward/backward of the demo's modules. Every backward reads only what
// its forward pushed on the tape, so Tape::bytes() is the real retained-activation size.
#include <cmath>

#include "latentlab/finetune/side_modules.h"

namespace latentlab::finetune {
namespace {

void accumulate(Tensor& t, const Mat& grad) {
  if (!t.trainable) return;
  if (t.g.rows() != t.w.rows() || t.g.cols() != t.w.cols()) t.zeroGrad();
  t.g += grad;
}

Mat addRowBias(Mat m, const Tensor& b) {
  m.rowwise() += b.w.row(0);
  return m;
}

// y' = y + ReLU(y·W_d + b_d)·W_u + b_u; returns y' and the ReLU output in `act`.
Mat adapterForward(const AdapterWeights& a, const Mat& y, Mat& act) {
  act = addRowBias(y * a.down.w, a.bd).cwiseMax(0.0);
  return y + addRowBias(act * a.up.w, a.bu);
}

// Backward of adapterForward from its saved input y and ReLU output; returns dL/dy.
Mat adapterBackward(AdapterWeights& a, const Mat& y, const Mat& act, const Mat& dOut) {
  accumulate(a.up, act.transpose() * dOut);
  accumulate(a.bu, dOut.colwise().sum());
  const Mat dAct = dOut * a.up.w.transpose();
  const Mat dPre = dAct.cwiseProduct((act.array() > 0.0).cast<double>().matrix());
  accumulate(a.down, y.transpose() * dPre);
  accumulate(a.bd, dPre.colwise().sum());
  return dOut + dPre * a.down.w.transpose();
}

}  // namespace

void softmaxRows(Mat& m) {
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    const double mx = m.row(r).maxCoeff();
    m.row(r) = (m.row(r).array() - mx).exp().matrix();
    m.row(r) /= m.row(r).sum();
  }
}

void rmsNorm(const Mat& x, Mat& u, Eigen::VectorXd& rho) {
  const double n = static_cast<double>(x.cols());
  rho = (x.rowwise().squaredNorm() / n).array() + kRmsEps;
  rho = rho.array().sqrt();
  u = x.array().colwise() / rho.array();
}

Mat rmsNormBackward(const Mat& du, const Mat& u, const Eigen::VectorXd& rho) {
  const double n = static_cast<double>(u.cols());
  const Eigen::VectorXd meanDot = du.cwiseProduct(u).rowwise().sum() / n;
  Mat dx = du - u.cwiseProduct(meanDot.replicate(1, u.cols()));
  return dx.array().colwise() / rho.array();
}

Mat blockForward(const BlockWeights& w, const Dims& d, int seq, const Mat& x, BlockMode mode,
                 const BlockExtras& extras, Tape* tape, BlockSlots* slots) {
  const Eigen::Index rows = x.rows();
  const int batch = static_cast<int>(rows / seq);
  Mat u1;
  Eigen::VectorXd rho1;
  rmsNorm(x, u1, rho1);
  Mat q = u1 * w.wq.w;
  const Mat k = u1 * w.wk.w;
  Mat v = u1 * w.wv.w;
  Mat zq, zv;
  if (extras.lora) {
    const LoraWeights& l = *extras.lora;
    zq = u1 * l.aq.w;
    zv = u1 * l.av.w;
    q += l.scale * (zq * l.bq.w);
    v += l.scale * (zv * l.bv.w);
  }
  const double scale = 1.0 / std::sqrt(static_cast<double>(d.dk));
  Mat p(rows, static_cast<Eigen::Index>(d.heads) * seq);
  Mat ctx(rows, d.inner());
  for (int n = 0; n < batch; ++n) {
    for (int hd = 0; hd < d.heads; ++hd) {
      Mat s = q.block(n * seq, hd * d.dk, seq, d.dk) *
              k.block(n * seq, hd * d.dk, seq, d.dk).transpose() * scale;
      softmaxRows(s);
      ctx.block(n * seq, hd * d.dk, seq, d.dk) = s * v.block(n * seq, hd * d.dk, seq, d.dk);
      p.block(n * seq, hd * seq, seq, seq) = s;
    }
  }
  Mat y1 = ctx * w.wo.w;
  Mat y1In, act1;
  if (extras.adapterAttn) {
    y1In = y1;
    y1 = adapterForward(*extras.adapterAttn, y1In, act1);
  }
  const Mat x2 = x + y1;
  Mat u2;
  Eigen::VectorXd rho2;
  rmsNorm(x2, u2, rho2);
  Mat hidden = (u2 * w.w1.w).cwiseMax(0.0);
  Mat y2 = hidden * w.w2.w;
  Mat y2In, act2;
  if (extras.adapterFfn) {
    y2In = y2;
    y2 = adapterForward(*extras.adapterFfn, y2In, act2);
  }
  Mat out = x2 + y2;
  if (mode == BlockMode::Off || !tape) return out;

  BlockSlots& s = *slots;
  s = BlockSlots{};
  s.u1 = tape->push(std::move(u1));
  s.rho1 = tape->push(std::move(rho1));
  s.q = tape->push(std::move(q));
  s.k = tape->push(k);
  s.v = tape->push(std::move(v));
  s.p = tape->push(std::move(p));
  if (mode == BlockMode::Trainable) s.ctx = tape->push(std::move(ctx));
  s.u2 = tape->push(std::move(u2));
  s.rho2 = tape->push(std::move(rho2));
  if (mode == BlockMode::Trainable) {
    s.hidden = tape->push(std::move(hidden));
  } else {
    // A frozen W₂ needs no ReLU output, only which units were active: one byte each.
    s.mask = tape->pushMask((hidden.array() > 0.0).cast<std::uint8_t>().matrix());
  }
  if (extras.lora) {
    s.zq = tape->push(std::move(zq));
    s.zv = tape->push(std::move(zv));
  }
  if (extras.adapterAttn) {
    s.ad1In = tape->push(std::move(y1In));
    s.ad1Act = tape->push(std::move(act1));
  }
  if (extras.adapterFfn) {
    s.ad2In = tape->push(std::move(y2In));
    s.ad2Act = tape->push(std::move(act2));
  }
  return out;
}

Mat blockBackward(BlockWeights& w, const Dims& d, int seq, const Mat& dOut, BlockMode mode,
                  const BlockExtras& extras, const Tape& tape, const BlockSlots& s) {
  const bool train = mode == BlockMode::Trainable;
  const Mat& u1 = tape.mat(s.u1);
  const Mat& u2 = tape.mat(s.u2);
  Mat dx2 = dOut;
  Mat dy2 = extras.adapterFfn ? adapterBackward(*extras.adapterFfn, tape.mat(s.ad2In),
                                                tape.mat(s.ad2Act), dOut)
                              : dOut;
  Mat dPre = dy2 * w.w2.w.transpose();
  if (train) {
    const Mat& hidden = tape.mat(s.hidden);
    accumulate(w.w2, hidden.transpose() * dy2);
    dPre = dPre.cwiseProduct((hidden.array() > 0.0).cast<double>().matrix());
    accumulate(w.w1, u2.transpose() * dPre);
  } else {
    dPre = dPre.cwiseProduct(tape.mask(s.mask).cast<double>());
  }
  dx2 += rmsNormBackward(dPre * w.w1.w.transpose(), u2, tape.mat(s.rho2).col(0));

  const Mat dy1 = extras.adapterAttn ? adapterBackward(*extras.adapterAttn, tape.mat(s.ad1In),
                                                       tape.mat(s.ad1Act), dx2)
                                     : dx2;
  if (train) accumulate(w.wo, tape.mat(s.ctx).transpose() * dy1);
  const Mat dctx = dy1 * w.wo.w.transpose();

  const Mat& q = tape.mat(s.q);
  const Mat& k = tape.mat(s.k);
  const Mat& v = tape.mat(s.v);
  const Mat& p = tape.mat(s.p);
  const double scale = 1.0 / std::sqrt(static_cast<double>(d.dk));
  Mat dq(q.rows(), q.cols()), dk(k.rows(), k.cols()), dv(v.rows(), v.cols());
  const int batch = static_cast<int>(q.rows() / seq);
  for (int n = 0; n < batch; ++n) {
    for (int hd = 0; hd < d.heads; ++hd) {
      const Mat pb = p.block(n * seq, hd * seq, seq, seq);
      const Mat dc = dctx.block(n * seq, hd * d.dk, seq, d.dk);
      dv.block(n * seq, hd * d.dk, seq, d.dk) = pb.transpose() * dc;
      const Mat dp = dc * v.block(n * seq, hd * d.dk, seq, d.dk).transpose();
      const Eigen::VectorXd rowDot = dp.cwiseProduct(pb).rowwise().sum();
      const Mat ds = pb.cwiseProduct(dp - rowDot.replicate(1, seq));
      dq.block(n * seq, hd * d.dk, seq, d.dk) = ds * k.block(n * seq, hd * d.dk, seq, d.dk) * scale;
      dk.block(n * seq, hd * d.dk, seq, d.dk) =
          ds.transpose() * q.block(n * seq, hd * d.dk, seq, d.dk) * scale;
    }
  }
  if (train) {
    accumulate(w.wq, u1.transpose() * dq);
    accumulate(w.wk, u1.transpose() * dk);
    accumulate(w.wv, u1.transpose() * dv);
  }
  Mat du1 = dq * w.wq.w.transpose() + dk * w.wk.w.transpose() + dv * w.wv.w.transpose();
  if (extras.lora) {
    LoraWeights& l = *extras.lora;
    const Mat& zq = tape.mat(s.zq);
    const Mat& zv = tape.mat(s.zv);
    accumulate(l.bq, l.scale * (zq.transpose() * dq));
    accumulate(l.bv, l.scale * (zv.transpose() * dv));
    const Mat dzq = l.scale * (dq * l.bq.w.transpose());
    const Mat dzv = l.scale * (dv * l.bv.w.transpose());
    accumulate(l.aq, u1.transpose() * dzq);
    accumulate(l.av, u1.transpose() * dzv);
    du1 += dzq * l.aq.w.transpose() + dzv * l.av.w.transpose();
  }
  return dx2 + rmsNormBackward(du1, u1, tape.mat(s.rho1).col(0));
}

double headForward(const HeadWeights& w, int seq, const Mat& x, const Eigen::VectorXi& labels,
                   Mat& logits, Tape* tape, HeadSlots* slots) {
  const Eigen::Index batch = x.rows() / seq;
  Mat pooled(batch, x.cols());
  for (Eigen::Index n = 0; n < batch; ++n)
    pooled.row(n) = x.middleRows(n * seq, seq).colwise().mean();
  Mat u;
  Eigen::VectorXd rho;
  rmsNorm(pooled, u, rho);
  logits = addRowBias(u * w.w.w, w.b);
  Mat probs = logits;
  softmaxRows(probs);
  double loss = 0.0;
  for (Eigen::Index n = 0; n < batch; ++n) loss -= std::log(probs(n, labels(n)));
  loss /= static_cast<double>(batch);
  if (tape) {
    slots->u = tape->push(std::move(u));
    slots->rho = tape->push(std::move(rho));
    slots->probs = tape->push(std::move(probs));
  }
  return loss;
}

Mat headBackward(HeadWeights& w, int seq, const Eigen::VectorXi& labels, const Tape& tape,
                 const HeadSlots& slots) {
  const Mat& u = tape.mat(slots.u);
  Mat dlogits = tape.mat(slots.probs);
  const Eigen::Index batch = dlogits.rows();
  for (Eigen::Index n = 0; n < batch; ++n) dlogits(n, labels(n)) -= 1.0;
  dlogits /= static_cast<double>(batch);
  accumulate(w.w, u.transpose() * dlogits);
  accumulate(w.b, dlogits.colwise().sum());
  const Mat dpooled =
      rmsNormBackward(dlogits * w.w.w.transpose(), u, tape.mat(slots.rho).col(0));
  Mat dx(batch * seq, u.cols());
  for (Eigen::Index n = 0; n < batch; ++n)
    dx.middleRows(n * seq, seq) = (dpooled.row(n) / seq).replicate(seq, 1);
  return dx;
}

}  // namespace latentlab::finetune
