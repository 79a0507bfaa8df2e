// Reference filtered images from ITK itself, for test/filters/itk-oracle.test.ts: exactly what
// the SimpleITK filters inside PyRadiomics compute —
//   log SIGMA:  LaplacianRecursiveGaussianImageFilter, SetNormalizeAcrossScale(true), SetSigma(σ)
//               (getLoGImage);
//   gradient:   GradientMagnitudeImageFilter, SetUseImageSpacing(true) (getGradientImage).
// Build against Debian's libinsighttoolkit5-dev (see test/helpers/itk.ts):
//   g++ -O2 -std=c++17 -I/usr/include/ITK-5.2 itk_filters.cxx -o itk_filters -lITKSmoothing-5.2
//       -lITKCommon-5.2 -litksys-5.2 -litkvnl-5.2 -litkvnl_algo-5.2 -litkv3p_netlib-5.2 -lpthread
// Usage: itk_filters IN.f64 OUT.f64 X Y Z SX SY SZ log SIGMA | gradient
// (Z = 1: a 2D image, as SimpleITK reads a PNG). IN and OUT: little-endian float64, x fastest;
// the LoG's float32 output is written widened (exactly).
#include "itkImage.h"
#include "itkImportImageFilter.h"
#include "itkLaplacianRecursiveGaussianImageFilter.h"
#include "itkGradientMagnitudeImageFilter.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

template <typename TImage>
void write(const TImage * image, size_t n, const char * out)
{
  std::vector<double> v(image->GetBufferPointer(), image->GetBufferPointer() + n);
  FILE * o = std::fopen(out, "wb");
  std::fwrite(v.data(), sizeof(double), n, o);
  std::fclose(o);
}

template <unsigned int D>
int run(const std::vector<double> & data, const unsigned long * size, const double * spacing, bool log, double sigma, const char * out)
{
  using In = itk::Image<double, D>;
  using Out = itk::Image<float, D>;
  auto image = In::New();
  typename In::RegionType region;
  typename In::SpacingType sp;
  for (unsigned int a = 0; a < D; ++a) { region.SetSize(a, size[a]); sp[a] = spacing[a]; }
  image->SetRegions(region);
  image->SetSpacing(sp);
  image->Allocate();
  std::copy(data.begin(), data.end(), image->GetBufferPointer());
  if (log)
  {
    auto f = itk::LaplacianRecursiveGaussianImageFilter<In, Out>::New();
    f->SetInput(image);
    f->SetNormalizeAcrossScale(true);
    f->SetSigma(sigma);
    f->SetNumberOfWorkUnits(1);
    f->Update();
    write(f->GetOutput(), data.size(), out);
  }
  else
  {
    auto f = itk::GradientMagnitudeImageFilter<In, In>::New();
    f->SetInput(image);
    f->SetUseImageSpacing(true);
    f->SetNumberOfWorkUnits(1);
    f->Update();
    write(f->GetOutput(), data.size(), out);
  }
  return 0;
}

int main(int argc, char ** argv)
{
  const bool log = argc == 11 && std::string(argv[9]) == "log";
  if (!log && !(argc == 10 && std::string(argv[9]) == "gradient"))
  {
    std::fprintf(stderr, "usage: itk_filters IN.f64 OUT.f64 X Y Z SX SY SZ log SIGMA | gradient\n");
    return 2;
  }
  unsigned long size[3] = { std::strtoul(argv[3], nullptr, 10), std::strtoul(argv[4], nullptr, 10), std::strtoul(argv[5], nullptr, 10) };
  double spacing[3] = { std::atof(argv[6]), std::atof(argv[7]), std::atof(argv[8]) };
  const double sigma = log ? std::atof(argv[10]) : 0;
  std::vector<double> data(size[0] * size[1] * size[2]);
  FILE * in = std::fopen(argv[1], "rb");
  if (!in || std::fread(data.data(), sizeof(double), data.size(), in) != data.size()) { std::fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
  std::fclose(in);
  return size[2] == 1 ? run<2>(data, size, spacing, log, sigma, argv[2]) : run<3>(data, size, spacing, log, sigma, argv[2]);
}
