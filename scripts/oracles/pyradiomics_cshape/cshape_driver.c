/*
 * Command-line driver for PyRadiomics' own 3D mesh code (cshape.c, v3.1.0, unchanged): reads a
 * mask of Z*Y*X int8 bytes in C order (z slowest, x fastest) from the file argv[1], with sizes
 * argv[2..4] = Z Y X and voxel spacing argv[5..7] = (z, y, x) in mm, the same layout and spacing
 * order PyRadiomics' _cshape.c passes (numpy array of sitk.GetArrayFromImage, spacing[::-1]).
 * Prints surface area, mesh volume and the four diameters (slice, column, row, 3D) with 17
 * significant digits, which is every bit of a double.
 */
#include <stdio.h>
#include <stdlib.h>
#include "cshape.h"

int main(int argc, char **argv)
{
  if (argc != 8) {
    fprintf(stderr, "usage: %s mask.raw Z Y X spacingZ spacingY spacingX\n", argv[0]);
    return 2;
  }
  int size[3] = { atoi(argv[2]), atoi(argv[3]), atoi(argv[4]) };
  double spacing[3] = { atof(argv[5]), atof(argv[6]), atof(argv[7]) };
  /* strides in elements, as _cshape.c's check_arrays derives them from the numpy array */
  int strides[3] = { size[1] * size[2], size[2], 1 };
  size_t n = (size_t)size[0] * size[1] * size[2];
  char *mask = malloc(n);
  FILE *f = fopen(argv[1], "rb");
  if (!mask || !f || fread(mask, 1, n, f) != n) {
    fprintf(stderr, "cannot read %zu mask bytes from %s\n", n, argv[1]);
    return 1;
  }
  fclose(f);
  double surfaceArea, volume, diameters[4];
  if (calculate_coefficients(mask, size, strides, spacing, &surfaceArea, &volume, diameters)) {
    fprintf(stderr, "calculate_coefficients failed\n");
    return 1;
  }
  printf("%.17g %.17g %.17g %.17g %.17g %.17g\n", surfaceArea, volume, diameters[0], diameters[1], diameters[2], diameters[3]);
  free(mask);
  return 0;
}
