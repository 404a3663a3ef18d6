// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: LatentLab developers
// Writes the seed corpora under tests/fuzz/corpus/ (committed; rerun only to change the seeds):
// small valid inputs of every format the loaders take, so the fuzzers start from inside the
// parsers instead of at their first byte. Built by the fuzz preset: make_corpus DIR.
#include <cstdio>
#include <fstream>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "latentlab/common/npy.h"

namespace {

void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string npyF4(int rows, int cols) {
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
                       std::to_string(rows) + ", " + std::to_string(cols) + "), }";
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::string out("\x93NUMPY\x01\x00", 8);
  out += static_cast<char>(header.size() & 0xff);
  out += static_cast<char>(header.size() >> 8);
  out += header;
  for (int i = 0; i < rows * cols; ++i) {
    const float v = 0.25f * static_cast<float>(i) - 1.0f;
    out.append(reinterpret_cast<const char*>(&v), 4);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_corpus DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  Eigen::MatrixXd m(3, 2);
  m << 1, -2, 3.5, 0, 1e-3, 7;
  write(dir + "/npy/f8_3x2.npy", latentlab::toNpy(m));
  write(dir + "/npy/f4_2x4.npy", npyF4(2, 4));
  write(dir + "/matrix_text/comma.csv", "1,2,3\n4,5,6\n");
  write(dir + "/matrix_text/spaces.txt", "  1.5e-3\t-2 +3\n\n4 5 6\r\n");
  cv::Mat grey(5, 7, CV_8UC1), colour(6, 4, CV_8UC3), rgba(3, 3, CV_8UC4), deep(4, 4, CV_16UC1);
  cv::randu(grey, 0, 255);
  cv::randu(colour, 0, 255);
  cv::randu(rgba, 0, 255);
  cv::randu(deep, 0, 65535);
  const std::vector<std::pair<std::string, cv::Mat>> images = {
      {"grey.png", grey},  {"rgba.png", rgba},     {"deep.png", deep}, {"colour.jpg", colour},
      {"grey.jpg", grey},  {"colour.bmp", colour}, {"grey.bmp", grey}, {"colour.tiff", colour},
      {"deep.tiff", deep}, {"colour.webp", colour}};
  for (const auto& [name, image] : images) {
    std::vector<std::uint8_t> bytes;
    std::vector<int> params;
    if (name.ends_with(".webp")) params = {cv::IMWRITE_WEBP_QUALITY, 101};  // lossless: VP8L
    if (!cv::imencode(name.substr(name.find('.')), image, bytes, params)) return 1;
    write(dir + "/image/" + name, std::string(bytes.begin(), bytes.end()));
  }
  std::vector<std::uint8_t> lossy;
  cv::imencode(".webp", colour, lossy, {cv::IMWRITE_WEBP_QUALITY, 80});
  write(dir + "/image/lossy.webp", std::string(lossy.begin(), lossy.end()));
  return 0;
}
