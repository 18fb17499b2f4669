// A hyper-parameter search's spec (docs/SEARCH.md): the base config, a domain per searched
// parameter (a fixed value, a list of choices, or a linear or log range of integers or reals),
// the strategy (grid, random, or synchronous successive halving), the budget (trials and
// epochs, or minutes), the objective and a seed. Read from JSON with every problem named by
// its field ("params.learningRate.min: must be below max"), as the config's reader does.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json_checks.hpp"

namespace nnplay::search {

enum class DomainKind { Fixed, Choices, Range };
enum class Strategy { Grid, Random, Halving };
enum class Objective { TestLoss, TestAccuracy };

struct Domain {
  std::string name;  // a config key (config.hpp), e.g. learningRate, networkShape
  DomainKind kind = DomainKind::Fixed;
  nlohmann::json fixed;                 // Fixed
  std::vector<nlohmann::json> choices;  // Choices
  double min = 0, max = 0;              // Range
  bool log = false;                     // Range: log scale (min > 0)
  bool integer = false;                 // Range: integers only
  int steps = 3;                        // Range under the grid strategy: points from min to max
};

struct SearchSpec {
  nlohmann::json base = nlohmann::json::object();  // a config (config.hpp's keys)
  std::vector<Domain> params;                      // by name (JSON objects are sorted)
  Strategy strategy = Strategy::Random;
  long long trials = 0;      // random and halving: trials drawn (rung 0); grid: at most this many
  long long epochs = 0;      // each trial's epochs (halving: the last rung's)
  double minutes = 0;        // > 0: random trials until this much time is spent (not repeatable)
  int eta = 3;               // halving: 1/eta of a rung is promoted; epochs grow by eta a rung
  long long min_epochs = 0;  // halving: rung 0's epochs (default: epochs / eta^(rungs-1))
  Objective objective = Objective::TestLoss;
  std::string seed = "search";
};

// The limits a spec is held to (docs/SEARCH.md, docs/LIMITS.md).
constexpr long long kMaxTrials = 10000;
constexpr long long kMaxTrialEpochs = 100000;
constexpr double kMaxMinutes = 24 * 60;
constexpr std::size_t kMaxChoices = 1000;
constexpr std::size_t kMaxSpecBytes = std::size_t(1) << 20;

struct SearchSpecResult {
  SearchSpec spec;
  std::vector<ConfigIssue> errors;
  bool ok() const { return errors.empty(); }
};

SearchSpecResult parse_search_spec(const std::string& text);
SearchSpecResult read_search_spec(const nlohmann::json& j);
nlohmann::json search_spec_json(const SearchSpec& spec);

const char* strategy_name(Strategy s);
const char* objective_name(Objective o);

}  // namespace nnplay::search
