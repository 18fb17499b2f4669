#include "search.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "json_read.hpp"
#include "search/search_spec.hpp"
#include "search/trials.hpp"
#include "text_safe.hpp"

namespace nnplay::cli {

const char* kSearchUsage =
    "usage: nnplay search SPEC [--threads N] [--csv]   run the search on this machine\n"
    "       nnplay search SPEC --list                  its first trials, one line each\n"
    "       nnplay search SPEC --merge RESULTS... [--next]  rank result lines (--next: the\n"
    "                                                  next rung's trials, successive halving)\n"
    "       nnplay trial [--model-dir D] [--from MODEL] [--model OUT] < TRIALS\n"
    "  SPEC is a search spec (docs/SEARCH.md), or - for standard input.\n";

namespace {

using nlohmann::json;
using namespace nnplay::search;

int usage(const std::string& message) {
  std::cerr << "nnplay: " << message << "\n" << kSearchUsage;
  return 1;
}

bool read_file(const std::string& path, std::string& out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), {});
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), {});
  return true;
}

int invalid(const std::vector<ConfigIssue>& errors, const std::string& what) {
  for (const auto& e : errors)
    std::cerr << "nnplay: invalid " << what << ": " << (e.field.empty() ? "" : e.field + ": ")
              << e.message << "\n";
  return 2;
}

std::string model_path(const std::string& dir, long long id) {
  return dir + "/trial-" + std::to_string(id) + ".json";
}

// Runs trials on `threads` threads (each its own Session), printing each result line as it
// finishes; results[i] is trials[i]'s. models: in (the previous rung's, by position) and out.
std::vector<TrialResult> run_all(const std::vector<Trial>& trials, int threads, bool print,
                                 const std::vector<std::string>* models_in,
                                 std::vector<std::string>* models_out) {
  std::vector<TrialResult> results(trials.size());
  if (models_out) models_out->assign(trials.size(), std::string());
  std::atomic<std::size_t> next{0};
  std::mutex out;
  auto work = [&] {
    for (std::size_t i; (i = next++) < trials.size();) {
      const std::string* in = models_in ? &(*models_in)[i] : nullptr;
      results[i] = run_trial(trials[i], in, models_out ? &(*models_out)[i] : nullptr);
      if (print) {
        std::lock_guard<std::mutex> lock(out);
        std::cout << result_json(results[i]).dump() << std::endl;
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && std::size_t(t) < trials.size(); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return results;
}

void print_ranking(const std::vector<TrialResult>& ranked, const SearchSpec& spec, bool csv) {
  if (!csv) {
    json list = json::array();
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      json r = result_json(ranked[i]);
      r["rank"] = i + 1;
      list.push_back(r);
    }
    std::cout << json{{"objective", objective_name(spec.objective)}, {"ranking", list}}.dump()
              << "\n";
    return;
  }
  std::cout << "rank,id,rung,epochs";
  for (const Domain& d : spec.params) std::cout << "," << d.name;
  std::cout << ",trainLoss,testLoss,trainAccuracy,testAccuracy,error\n";
  auto cell = [](const json& v) {
    std::string s = v.is_string() ? v.get<std::string>() : v.dump();
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const TrialResult& r = ranked[i];
    const json j = result_json(r);
    std::cout << i + 1 << "," << r.id << "," << r.rung << "," << r.epochs;
    for (const Domain& d : spec.params)
      std::cout << "," << cell(r.params.contains(d.name) ? r.params[d.name] : json());
    for (const char* k : {"trainLoss", "testLoss", "trainAccuracy", "testAccuracy"})
      std::cout << "," << (j.contains(k) && !j[k].is_null() ? j[k].dump() : "");
    std::cout << "," << cell(json(r.error)) << "\n";
  }
}

// The whole search here: every rung of successive halving (the models kept in memory), or
// random trials in rounds of `threads` until a minutes budget is spent.
int run_search(const SearchSpec& spec, int threads, bool csv) {
  std::vector<TrialResult> all;
  if (spec.minutes > 0) {
    const auto end =
        std::chrono::steady_clock::now() + std::chrono::duration<double>(spec.minutes * 60.0);
    long long drawn = 0;
    while (std::chrono::steady_clock::now() < end && (spec.trials == 0 || drawn < spec.trials) &&
           drawn < kMaxTrials) {
      const long long n = std::min<long long>(threads, spec.trials ? spec.trials - drawn : threads);
      const auto round = run_all(random_trials(spec, drawn, n), threads, !csv, nullptr, nullptr);
      all.insert(all.end(), round.begin(), round.end());
      drawn += n;
    }
  } else {
    std::vector<Trial> trials = first_trials(spec);
    std::vector<std::string> models;
    while (!trials.empty()) {
      const bool halving = spec.strategy == Strategy::Halving;
      std::vector<std::string> out;
      const auto results = run_all(trials, threads, !csv, models.empty() ? nullptr : &models,
                                   halving ? &out : nullptr);
      all.insert(all.end(), results.begin(), results.end());
      std::vector<Trial> next = next_rung(spec, trials, results);
      models.clear();
      for (const Trial& t : next)
        for (std::size_t i = 0; i < trials.size(); ++i)
          if (trials[i].id == t.id) models.push_back(out[i]);
      trials = std::move(next);
    }
  }
  print_ranking(rank(all, spec.objective), spec, csv);
  return 0;
}

int merge(const SearchSpec& spec, const std::vector<std::string>& files, bool next, bool csv) {
  std::vector<TrialResult> results;
  for (const std::string& f : files) {
    std::string text;
    if (!read_file(f, text)) return usage("cannot read " + quote_for_message(f));
    std::istringstream lines(text);
    std::string line;
    for (long long n = 1; std::getline(lines, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      json j;
      ConfigIssue why;
      TrialResult r;
      if (!read_json(line, j, why)) return invalid({why}, f + " line " + std::to_string(n));
      if (auto e = read_result(j, r); !e.empty())
        return invalid(e, f + " line " + std::to_string(n));
      results.push_back(r);
    }
  }
  if (!next) {
    print_ranking(rank(results, spec.objective), spec, csv);
    return 0;
  }
  // The next rung comes from the last rung's results (the highest rung given).
  int top = 0;
  for (const auto& r : results) top = std::max(top, r.rung);
  std::vector<Trial> rung;
  std::vector<TrialResult> rung_results;
  for (const auto& r : results)
    if (r.rung == top) {
      rung.push_back(trial_of(spec, r));
      rung_results.push_back(r);
    }
  for (const Trial& t : next_rung(spec, rung, rung_results))
    std::cout << trial_json(t).dump() << "\n";
  return 0;
}

}  // namespace

int search_main(int argc, char** argv) {
  if (argc < 3) return usage("expected a SPEC");
  const std::string path = argv[2];
  int threads = std::max(1u, std::thread::hardware_concurrency());
  bool csv = false, list = false, next = false, merging = false;
  std::vector<std::string> files;
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--csv")
      csv = true;
    else if (a == "--list")
      list = true;
    else if (a == "--next")
      next = true;
    else if (a == "--merge")
      merging = true;
    else if (a == "--threads") {
      if (i + 1 >= argc) return usage("missing value after --threads");
      const std::string v = argv[++i];
      if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos ||
          std::stoi(v) < 1 || std::stoi(v) > 256)
        return usage("--threads takes an integer from 1 to 256");
      threads = std::stoi(v);
    } else if (merging && a.rfind("--", 0) != 0)
      files.push_back(a);
    else
      return usage("unknown argument " + quote_for_message(a));
  }
  if (next && !merging) return usage("--next goes with --merge");
  if (merging && files.empty()) return usage("--merge takes one or more RESULTS files");
  std::string text;
  if (!read_file(path, text)) return usage("cannot read " + quote_for_message(path));
  const SearchSpecResult parsed = parse_search_spec(text);
  if (!parsed.ok()) return invalid(parsed.errors, "search spec");
  const SearchSpec& spec = parsed.spec;
  if (list) {
    for (const Trial& t : first_trials(spec)) std::cout << trial_json(t).dump() << "\n";
    return 0;
  }
  if (merging) return merge(spec, files, next, csv);
  return run_search(spec, threads, csv);
}

int trial_main(int argc, char** argv) {
  std::string dir, from, model_out;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--model-dir" || a == "--from" || a == "--model") && i + 1 < argc)
      (a == "--model-dir" ? dir : a == "--from" ? from : model_out) = argv[++i];
    else
      return usage("unknown argument " + quote_for_message(a));
  }
  std::string line;
  long long count = 0;
  for (long long n = 1; std::getline(std::cin, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j;
    ConfigIssue why;
    Trial t;
    if (!read_json(line, j, why)) return invalid({why}, "trial line " + std::to_string(n));
    if (auto e = read_trial(j, t); !e.empty()) return invalid(e, "trial line " + std::to_string(n));
    if (++count > 1 && (!from.empty() || !model_out.empty()))
      return usage("--from and --model are for one trial; use --model-dir for many");
    std::string in, out;
    const std::string in_path = !from.empty() ? from : dir.empty() ? "" : model_path(dir, t.id);
    if (t.from_epochs > 0 && !in_path.empty() && !read_file(in_path, in))
      return usage("cannot read the previous rung's model " + quote_for_message(in_path));
    const std::string out_path = !model_out.empty() ? model_out
                                 : dir.empty()      ? ""
                                                    : model_path(dir, t.id);
    const TrialResult r = run_trial(t, t.from_epochs > 0 && !in_path.empty() ? &in : nullptr,
                                    out_path.empty() ? nullptr : &out);
    if (!out_path.empty() && r.error.empty()) {
      std::ofstream f(out_path, std::ios::binary);
      f << out;
      if (!f) return usage("cannot write " + quote_for_message(out_path));
    }
    std::cout << result_json(r).dump() << std::endl;
  }
  return 0;  // a failed trial is a result line with its error: the search goes on
}

}  // namespace nnplay::cli
