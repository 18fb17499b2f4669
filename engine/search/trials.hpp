// A search's trials (docs/SEARCH.md): what each one trains (its parameters over the base
// config, its epochs, the rung it belongs to), running one on a Session, and ranking the
// results. A trial and a result are self-contained JSON lines, so that trials can run
// anywhere (`nnplay trial`, a page's Worker) and be merged afterwards; every draw comes from the
// spec's seed, so the same spec gives the same trials on every machine.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "search/search_spec.hpp"

namespace nnplay::search {

struct Trial {
  long long id = 0;  // its place in the spec's order (kept from rung to rung)
  int rung = 0;      // successive halving's rung (0 for grid and random)
  nlohmann::json params = nlohmann::json::object();  // the searched values, by name
  nlohmann::json config;                             // the base config with params applied
  long long epochs = 0;       // the epochs trained when it is done (in all, across rungs)
  long long from_epochs = 0;  // > 0: it continues the previous rung's model of these epochs
};

struct TrialResult {
  long long id = 0;
  int rung = 0;
  nlohmann::json params = nlohmann::json::object();
  long long epochs = 0;
  double train_loss = 0, test_loss = 0, train_accuracy = 0, test_accuracy = 0;
  double seconds = 0;  // informative only: never part of a ranking
  bool diverged = false;
  std::string error;  // a trial that failed (its config refused, its model unreadable)
};

// The first trials: every grid point, or `trials` random draws (halving's rung 0).
std::vector<Trial> first_trials(const SearchSpec& spec);
// One random trial, the `index`th of the spec's stream (the minutes budget draws them as it
// goes; first_trials's random trials are these for 0..trials-1).
std::vector<Trial> random_trials(const SearchSpec& spec, long long from, long long count);

// The trial a result came from (its parameters over the spec's base, its epochs).
Trial trial_of(const SearchSpec& spec, const TrialResult& result);
// The number of grid points (each fixed value 1, each choice list its size, each range its
// steps).
long long grid_size(const SearchSpec& spec);

// Successive halving: the epochs of rung r, and whether r is the last rung.
long long rung_epochs(const SearchSpec& spec, int rung);
bool last_rung(const SearchSpec& spec, int rung);
// The next rung's trials from one rung's results (the best 1/eta of them, at least one,
// continuing from their models); empty after the last rung.
std::vector<Trial> next_rung(const SearchSpec& spec, const std::vector<Trial>& rung_trials,
                             const std::vector<TrialResult>& rung_results);

// Runs one trial on a new Session. model_in: the previous rung's model file (from_epochs > 0);
// model_out, when given, gets the trained model file.
TrialResult run_trial(const Trial& trial, const std::string* model_in = nullptr,
                      std::string* model_out = nullptr);

// Each trial once (its last rung's result), best first by the objective (test loss up, or
// test accuracy down), then by id; failed and diverged trials last.
std::vector<TrialResult> rank(std::vector<TrialResult> results, Objective objective);

nlohmann::json trial_json(const Trial& t);
nlohmann::json result_json(const TrialResult& r);
// Lines read back (`nnplay trial`'s standard input, `--merge`'s files): the problem, if any,
// names the field.
std::vector<ConfigIssue> read_trial(const nlohmann::json& j, Trial& out);
std::vector<ConfigIssue> read_result(const nlohmann::json& j, TrialResult& out);

}  // namespace nnplay::search
