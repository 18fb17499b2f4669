// `nnplay images train|eval|predict`: the image networks (engine/image/) on the command line.
#pragma once

namespace nnplay::cli {

extern const char* kImagesUsage;

// argv[0] is the program, argv[1] "images". Exit status: 0 ok, 1 bad usage or an unreadable
// file (a missing data file too), 2 an invalid spec, model file or image.
int images_main(int argc, char** argv);

}  // namespace nnplay::cli
