// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// Micro-benchmarks (Google Benchmark): loading and compiling a programme;
// evaluating one record already read, by the criteria's FastProgram alone
// (core, ext50) and by Engine::evaluate (core, ext50, br-2009); reading one
// record with read_application; and one record through the batch path
// (read and evaluated). `bench_micro --callgrind CASE N` runs N iterations of
// one case without the harness, for counting instructions under callgrind
// (bench/run.sh subtracts a run with N = 0).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "regularis/engine/batch.hpp"
#include "regularis/engine/engine.hpp"
#include "regularis/programme/load.hpp"
#include "regularis/rules/fast.hpp"

using namespace regularis;

namespace {

const std::string kSource = REGULARIS_SOURCE_DIR;

std::string programme_path(const std::string& name) {
  if (name == "br-2009") return kSource + "/examples/programmes/br-2009.yaml";
  return kSource + "/bench/" + name + ".yaml";
}

// One line of a file: record B0000012 of shared/bench/WORKLOAD.md (filed
// inside r02's window) for the benchmark programmes, the first br-2009 sample.
std::string record_for(const std::string& name) {
  std::ifstream in(kSource + (name == "br-2009" ? "/examples/data/br-2009.jsonl"
                                                : "/bench/workload-record.json"));
  std::string line;
  std::getline(in, line);
  return line;
}

FastCell cell_of(const FactValue& v, ValueKind kind, const FastProgram& fast) {
  FastCell c;
  switch (kind) {
    case ValueKind::boolean:
      if (auto b = v.as_bool()) c.i = *b ? 1 : 0, c.known = true;
      break;
    case ValueKind::integer:
      if (auto i = v.as_integer()) c.i = *i, c.known = true;
      break;
    case ValueKind::decimal:
      if (auto d = v.as_decimal()) c.i = d->coefficient(), c.n = d->scale(), c.known = true;
      break;
    case ValueKind::string:
      if (const std::string* s = v.as_string()) {
        c.text = s->data();
        c.n = static_cast<std::int32_t>(s->size());
        c.id = fast.string_id(*s);
        c.known = true;
      }
      break;
    case ValueKind::date:
      if (auto d = v.as_date()) {
        c.i = d->days_since_epoch();
        c.n = d->year() * 10000 + d->month() * 100 + d->day();
        c.known = true;
      }
      break;
    case ValueKind::country:
      if (auto k = v.as_country()) {
        c.i = static_cast<unsigned char>(k->code()[0]) * 256 +
              static_cast<unsigned char>(k->code()[1]);
        c.known = true;
      }
      break;
    default:
      break;
  }
  return c;
}

// A record read once and laid out in cells for a FastProgram.
struct FastCase {
  Programme programme;
  ReadResult read;
  FastProgram fast;
  std::vector<FastCell> slots;
  std::vector<FastCell> arena;
  std::vector<std::uint8_t> results;

  static FastCase make(const std::string& name) {
    Programme p = load_programme_file(programme_path(name));
    const ProgrammeVersion& v = p.versions().front();
    std::vector<const CompiledExpression*> exprs;
    for (const auto& c : v.criteria) exprs.push_back(&*c.require.compiled);
    auto fast = FastProgram::compile(exprs, *v.slots);
    if (!fast) {
      std::cerr << name << ": no fast form\n";
      std::exit(2);
    }
    FastCase fc{p, read_application(record_for(name)), *fast, {}, {}, {}};
    fc.slots.resize(fc.fast.slot_count());
    fc.results.resize(fc.fast.size());
    const Facts& facts = *fc.read.facts;
    for (const FastSlot& s : fc.fast.slots()) {
      FastCell& cell = fc.slots[s.id];
      if (s.path == "filing_date") {
        cell = cell_of(*facts.root().field("filed_at"), ValueKind::date, fc.fast);
        continue;
      }
      const FactValue& value = facts.find(s.path);
      if (s.kind != ValueKind::list) {
        cell = cell_of(value, s.kind, fc.fast);
        continue;
      }
      const auto* items = value.as_list();
      if (items == nullptr) continue;
      cell.known = true;
      cell.i = static_cast<std::int64_t>(fc.arena.size());
      cell.n = static_cast<std::int32_t>(items->size());
      for (const FactValue& item : *items) {
        if (s.element != ValueKind::record) {
          fc.arena.push_back(cell_of(item, s.element, fc.fast));
          continue;
        }
        for (std::size_t f = 0; f < s.fields.size(); ++f) {
          const FactValue* field = item.field(s.fields[f]);
          fc.arena.push_back(field != nullptr ? cell_of(*field, s.field_kinds[f], fc.fast)
                                              : FastCell{});
        }
      }
    }
    return fc;
  }
};

EvaluationOptions quiet() {
  EvaluationOptions o;
  o.explain = false;
  return o;
}

// ---- the cases, as plain loops (shared by the harness and --callgrind) ----

using Body = std::function<void(std::size_t)>;

Body load_compile(const std::string& name) {
  const std::string path = programme_path(name);
  return [path](std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(load_programme_file(path));
  };
}

Body fast_evaluate(const std::string& name) {
  auto fc = std::make_shared<FastCase>(FastCase::make(name));
  return [fc](std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      fc->fast.evaluate(fc->slots.data(), fc->arena.data(), fc->results.data());
      benchmark::DoNotOptimize(fc->results.data());
    }
  };
}

Body engine_evaluate(const std::string& name) {
  auto p = std::make_shared<Programme>(load_programme_file(programme_path(name)));
  auto r = std::make_shared<ReadResult>(read_application(record_for(name)));
  return [p, r](std::size_t n) {
    const Engine engine;
    for (std::size_t i = 0; i < n; ++i) {
      benchmark::DoNotOptimize(engine.evaluate(*p, *r->facts, quiet()));
    }
  };
}

Body read_record(const std::string& name) {
  const std::string text = record_for(name);
  return [text](std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) benchmark::DoNotOptimize(read_application(text));
  };
}

Body batch_record(const std::string& name) {
  auto p = std::make_shared<Programme>(load_programme_file(programme_path(name)));
  auto text = std::make_shared<std::string>(record_for(name));
  const std::size_t length = text->size();
  text->append(kBatchPadding, '\0');
  auto batch = std::make_shared<BatchEvaluator>(*p, quiet());
  auto record = std::make_shared<BatchRecord>();
  return [text, length, batch, record](std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      batch->evaluate(std::string_view(text->data(), length), 1, *record);
      benchmark::DoNotOptimize(record->outcome);
    }
  };
}

std::map<std::string, std::function<Body()>> cases() {
  std::map<std::string, std::function<Body()>> c;
  for (const char* name : {"core", "ext50", "br-2009"}) {
    const std::string n = name;
    c["load_compile/" + n] = [n] { return load_compile(n); };
    c["engine_evaluate/" + n] = [n] { return engine_evaluate(n); };
  }
  for (const char* name : {"core", "ext50"}) {
    const std::string n = name;
    c["fast_evaluate/" + n] = [n] { return fast_evaluate(n); };
    c["batch_record/" + n] = [n] { return batch_record(n); };
  }
  c["read_record/workload"] = [] { return read_record("core"); };
  c["read_record/br-2009"] = [] { return read_record("br-2009"); };
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  auto all = cases();
  if (argc == 4 && std::strcmp(argv[1], "--callgrind") == 0) {
    auto it = all.find(argv[2]);
    if (it == all.end()) {
      std::cerr << "unknown case " << argv[2] << '\n';
      return 2;
    }
    Body body = it->second();
    body(std::strtoull(argv[3], nullptr, 10));
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "--list-cases") == 0) {
    for (const auto& [name, make] : all) std::cout << name << '\n';
    return 0;
  }
  for (const auto& [name, make] : all) {
    Body body = make();
    benchmark::RegisterBenchmark(name.c_str(), [body](benchmark::State& state) {
      for (auto _ : state) body(1);
      state.SetItemsProcessed(state.iterations());
    });
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
