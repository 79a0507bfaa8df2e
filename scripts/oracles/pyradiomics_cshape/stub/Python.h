/* Empty stand-in for Python.h: PyRadiomics' cshape.c includes it but calls nothing from it (the
 * Python bindings live in _cshape.c), so the upstream file compiles unchanged without python3-dev. */
