// Reference for PyRadiomics' mask geometry handling, from ITK itself (what SimpleITK runs inside
// radiomics/imageoperations.checkMask / _correctMask), for test/pyradiomics/mask-geometry.test.ts:
//   verify:   LabelStatisticsImageFilter on (image, mask) — ImageToImageFilter::VerifyInputInformation
//             compares origin and spacing within tol·spacing_x of the image and the direction
//             within tol (geometryTolerance sets both global defaults); prints "same" or "mismatch";
//   resample: ResampleImageFilter with the image as reference and NearestNeighbor interpolation
//             (_correctMask), the mask written on the image grid.
// Build (see test/helpers/itk.ts):
//   g++ -O2 -std=c++17 -I/usr/include/ITK-5.2 itk_mask_geometry.cxx -o itk_mask_geometry
//       -lITKStatistics-5.2 -lITKTransform-5.2 -lITKCommon-5.2 -litksys-5.2 -litkvnl-5.2 -litkvnl_algo-5.2 -litkv3p_netlib-5.2 -lpthread
// Usage: itk_mask_geometry TOL MASK.u8 OUT.u8 IMAGE_GEOMETRY MASK_GEOMETRY
//   TOL: a number, or 'default' (ITK's global defaults); GEOMETRY: X Y Z SX SY SZ OX OY OZ D0..D8
//   (direction row-major). Z = 1 in both: 2D images, as SimpleITK reads a PNG. MASK, OUT: uint8, x fastest.
#include "itkImage.h"
#include "itkImageToImageFilterCommon.h"
#include "itkLabelStatisticsImageFilter.h"
#include "itkNearestNeighborInterpolateImageFunction.h"
#include "itkResampleImageFilter.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

struct Geo { unsigned long size[3]; double spacing[3], origin[3], dir[9]; };

template <typename TImage>
typename TImage::Pointer make(const Geo & g, unsigned int D)
{
  auto im = TImage::New();
  typename TImage::RegionType region;
  typename TImage::SpacingType sp;
  typename TImage::PointType o;
  typename TImage::DirectionType d;
  for (unsigned int a = 0; a < D; ++a)
  {
    region.SetSize(a, g.size[a]);
    sp[a] = g.spacing[a];
    o[a] = g.origin[a];
    for (unsigned int b = 0; b < D; ++b) d[a][b] = g.dir[a * 3 + b];
  }
  im->SetRegions(region);
  im->SetSpacing(sp);
  im->SetOrigin(o);
  im->SetDirection(d);
  im->Allocate();
  im->FillBuffer(0);
  return im;
}

template <unsigned int D>
int run(const Geo & ig, const Geo & mg, const std::vector<unsigned char> & mask, const char * out)
{
  using Img = itk::Image<double, D>;
  using Lab = itk::Image<unsigned char, D>;
  auto image = make<Img>(ig, D);
  auto label = make<Lab>(mg, D);
  std::copy(mask.begin(), mask.end(), label->GetBufferPointer());
  bool same = true;
  try
  {
    auto f = itk::LabelStatisticsImageFilter<Img, Lab>::New();
    f->SetInput(image);
    f->SetLabelInput(label);
    f->SetNumberOfWorkUnits(1);
    f->Update();
  }
  catch (itk::ExceptionObject & e)
  {
    // "Inputs do not occupy the same physical space", or a size mismatch (requested region outside
    // the largest possible region): either way checkMask fails without correctMask
    std::fprintf(stderr, "%s\n", e.GetDescription());
    same = false;
  }
  std::printf("%s\n", same ? "same" : "mismatch");
  auto r = itk::ResampleImageFilter<Lab, Lab>::New();
  r->SetInput(label);
  r->SetReferenceImage(image);
  r->UseReferenceImageOn();
  r->SetInterpolator(itk::NearestNeighborInterpolateImageFunction<Lab, double>::New());
  r->SetNumberOfWorkUnits(1);
  r->Update();
  size_t n = ig.size[0] * ig.size[1] * ig.size[2];
  FILE * o = std::fopen(out, "wb");
  std::fwrite(r->GetOutput()->GetBufferPointer(), 1, n, o);
  std::fclose(o);
  return 0;
}

static void readGeo(char ** a, Geo & g)
{
  for (int i = 0; i < 3; ++i) g.size[i] = std::strtoul(a[i], nullptr, 10);
  for (int i = 0; i < 3; ++i) g.spacing[i] = std::strtod(a[3 + i], nullptr);
  for (int i = 0; i < 3; ++i) g.origin[i] = std::strtod(a[6 + i], nullptr);
  for (int i = 0; i < 9; ++i) g.dir[i] = std::strtod(a[9 + i], nullptr);
}

int main(int argc, char ** argv)
{
  if (argc != 4 + 18 + 18) { std::fprintf(stderr, "usage: itk_mask_geometry TOL MASK.u8 OUT.u8 IMAGE_GEOMETRY(18) MASK_GEOMETRY(18)\n"); return 2; }
  if (std::string(argv[1]) != "default")
  {
    const double tol = std::strtod(argv[1], nullptr);
    itk::ImageToImageFilterCommon::SetGlobalDefaultCoordinateTolerance(tol);
    itk::ImageToImageFilterCommon::SetGlobalDefaultDirectionTolerance(tol);
  }
  else std::fprintf(stderr, "default tolerances %g %g\n", itk::ImageToImageFilterCommon::GetGlobalDefaultCoordinateTolerance(), itk::ImageToImageFilterCommon::GetGlobalDefaultDirectionTolerance());
  Geo ig, mg;
  readGeo(argv + 4, ig);
  readGeo(argv + 22, mg);
  size_t n = mg.size[0] * mg.size[1] * mg.size[2];
  std::vector<unsigned char> mask(n);
  FILE * in = std::fopen(argv[2], "rb");
  if (!in || std::fread(mask.data(), 1, n, in) != n) { std::fprintf(stderr, "cannot read %s\n", argv[2]); return 1; }
  std::fclose(in);
  return ig.size[2] == 1 && mg.size[2] == 1 ? run<2>(ig, mg, mask, argv[3]) : run<3>(ig, mg, mask, argv[3]);
}
