// Debian's libopenblas-dev puts cblas.h under an openblas-* include directory
// that `pkg-config --cflags openblas` adds to the search path.
#include <cblas.h>
