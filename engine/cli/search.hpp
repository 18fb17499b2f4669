// `nnplay search` and `nnplay trial`: a hyper-parameter search (docs/SEARCH.md) on this
// machine's cores, or spread over many with a scheduler people already run:
//   nnplay search SPEC [--threads N] [--csv]   every trial here, one JSON line each as it
//                                             finishes, then the ranking
//   nnplay search SPEC --list                  the first trials, one self-contained line each
//   nnplay trial [--model-dir D]               runs the trial line on standard input, prints
//                                             its result line (D: where rungs keep models)
//   nnplay search SPEC --merge RESULTS...      ranks result lines; for successive halving,
//                                             also lists the next rung's trials
#pragma once

namespace nnplay::cli {

extern const char* kSearchUsage;

// argv[1] is "search" or "trial". Exit status: 0 ok, 1 bad usage or an unreadable file, 2 an
// invalid spec, trial line or result line (the message names the field).
int search_main(int argc, char** argv);
int trial_main(int argc, char** argv);

}  // namespace nnplay::cli
