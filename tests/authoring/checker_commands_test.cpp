// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// End-to-end tests of the checker commands built on the authoring module and
// the engine's screening: `regularis test` (exit 0, 1, 2 and its total line)
// and `regularis screen`, including the interview (`--interactive`) driven
// through a shell pipe in Spanish and Portuguese, with an invalid date asked
// again. The checker's path comes in as REGULARIS_CHECKER.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/run_checker.hpp"

namespace fs = std::filesystem;

namespace {

using regularis::test::Run;

/// `printf '<answers>' | regularis <arguments>` from the repository root.
Run run(const std::string& arguments, const std::string& answers = "") {
  return regularis::test::run_checker_answering(arguments, answers);
}

/// True when every part occurs in `text`, in this order.
bool in_order(const std::string& text, const std::vector<std::string>& parts) {
  std::size_t at = 0;
  for (const std::string& part : parts) {
    const std::size_t found = text.find(part, at);
    if (found == std::string::npos) {
      UNSCOPED_INFO("not found (in order): " << part);
      return false;
    }
    at = found + part.size();
  }
  return true;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

std::string last_line(const std::string& text) {
  std::string s = text;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s.substr(s.rfind('\n') + 1);
}

}  // namespace

TEST_CASE("regularis test: a passing file exits 0 with the total last", "[authoring][checker]") {
  const Run r = run("test examples/programmes/br-2009.test.yaml");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(in_order(r.out, {"examples/programmes/br-2009.test.yaml: br-2009",
                         "  ok    a complete application is eligible\n",
                         "  ok    00:10 in Brasília on 31 December is late\n"}));
  CHECK(count(r.out, "FAIL") == 0);
  const std::string total = last_line(r.out);
  CHECK(total.size() > std::string(" passed, 0 failed").size());
  CHECK(total.substr(total.find(' ')) == " passed, 0 failed");
}

TEST_CASE("regularis test: a failing case exits 1 and shows its difference",
          "[authoring][checker]") {
  const Run r = run("test tests/authoring/data/failing.test.yaml");
  INFO(r.out << r.err);
  CHECK(r.status == 1);
  CHECK(r.out ==
        "tests/authoring/data/failing.test.yaml: br-2009 (examples/programmes/br-2009.yaml), 2 "
        "cases\n"
        "  ok    entry after the cutoff is ineligible\n"
        "  FAIL  wrongly expected eligible  (tests/authoring/data/failing.test.yaml:15:11)\n"
        "          outcome: expected eligible, got ineligible\n"
        "          criterion entered_by_cutoff: expected met, got not_met\n"
        "          got: outcome ineligible; reasons [entered_by_cutoff.not_met, "
        "present_in_brazil.unknown, irregular_at_filing.unknown, "
        "no_criminal_proceedings.unknown, no_convictions.unknown, application_form.missing, "
        "identity_card_fee_receipt.missing, registration_fee_receipt.missing, "
        "no_criminal_record_declaration.missing, proof_of_entry.missing, "
        "identity_document.missing, procedure_withdrawal.missing, identity_card.due, "
        "registration.due]\n"
        "1 passed, 1 failed\n");
}

TEST_CASE("regularis test: a wrong test file exits 2 with its diagnostics",
          "[authoring][checker]") {
  const Run r =
      run("test tests/authoring/data/broken.test.yaml tests/authoring/data/none.test.yaml");
  CHECK(r.status == 2);
  CHECK(r.out == "0 passed, 0 failed\n");
  CHECK(r.err ==
        "tests/authoring/data/broken.test.yaml:9:23: error: unknown outcome \"elegible\"; "
        "expected eligible, ineligible, incomplete or invalid; did you mean \"eligible\"? "
        "[tests.bad_value]\n"
        "    9 |     expect: {outcome: elegible}\n"
        "      |                       ^\n"
        "tests/authoring/data/broken.test.yaml:13:7: error: cannot set \"documents[0].type\": "
        "documents has 0 elements, so [0] is out of range (write [+] to append) "
        "[tests.bad_path]\n"
        "   13 |       documents[0].type: lease\n"
        "      |       ^\n"
        "regularis: tests/authoring/data/broken.test.yaml: 2 errors, not run\n"
        "regularis: cannot open tests/authoring/data/none.test.yaml: No such file or directory\n");
}

TEST_CASE("regularis screen --interactive in Spanish through a pipe", "[authoring][checker]") {
  const Run r =
      run("screen --interactive -p examples/programmes/br-2009.yaml --lang es --as-of 2009-08-10",
          "2009-02-30\\n2008-11-03\\nsí\\nno\\nninguna\\nirregular\\nno\\n");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(in_order(
      r.out,
      {"Evaluación para: Amnistía migratoria de Brasil 2009",
       "¿En qué fecha entró en Brasil?\n> 2009-02-30\n",
       "2009-02-30 is not a date. Escriba la fecha como AAAA-MM-DD",
       "¿En qué fecha entró en Brasil?\n> 2008-11-03\n", "¿Vive actualmente en Brasil?\n> sí\n",
       "¿Tiene algún proceso penal en curso, en Brasil o en el extranjero?\n> no\n",
       "¿Ha sido condenado alguna vez, en Brasil o en el extranjero? Indique cada "
       "condena.\n> ninguna\n",
       "¿Entró por un paso fronterizo autorizado (regular) o sin control "
       "(irregular)?\n> irregular\n",
       "¿Tiene otro trámite migratorio pendiente ante las autoridades?\n> no\n",
       "Resultado: Posiblemente elegible: todavía falta algo\n", "Documentos\n",
       "  [falta] Cualquier documento que permita a la Administración acreditar la "
       "entrada hasta el 1 de febrero de 2009\n",
       "Tasas a pagar\n", "  - 31.05 BRL  ", "  - 64.58 BRL  Tasa de registro\n",
       "Plazo para presentar la solicitud: 2009-12-30\n"}));
  // Seven answers, six questions: the impossible date was asked twice, and the
  // permit's end was never asked (irregular entry settles that criterion).
  CHECK(count(r.out, "\n> ") == 7);
  CHECK(count(r.out, "¿En qué fecha entró en Brasil?") == 2);
  CHECK(count(r.out, "autorización de permanencia") == 0);
  CHECK(count(r.out, "desistimiento") == 0);
}

TEST_CASE("regularis screen --interactive in Portuguese through a pipe", "[authoring][checker]") {
  const Run r =
      run("screen -i -p examples/programmes/br-2009.yaml --lang pt --as-of 2009-08-10",
          "2008-01-10\\ntalvez\\nsim\\nnão\\nsim\\nnenhuma\\nregular\\n2008-02-30\\n2008-04-10\\n"
          "sim\\n");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(in_order(r.out,
                 {"Triagem para: Anistia migratória de 2009",
                  "Em que data você entrou no Brasil?\n> 2008-01-10\n",
                  "Você mora no Brasil atualmente?\n> talvez\nResponda sim ou não.\n",
                  "Você mora no Brasil atualmente?\n> sim\n", "no Brasil ou no exterior?\n> não\n",
                  "Indique cada condenação.\n> sim\nAqui só é possível responder \"nenhuma\".",
                  "Indique cada condenação.\n> nenhuma\n", "(irregular)?\n> regular\n",
                  "até que data ela era válida?\n> 2008-02-30\n2008-02-30 is not a date. Escreva "
                  "a data como AAAA-MM-DD",
                  "até que data ela era válida?\n> 2008-04-10\n",
                  "Você tem outro processo migratório em andamento?\n> sim\n",
                  "Resultado: Possivelmente elegível: ainda falta algo\n",
                  "  [falta] Pedido de desistência do outro processo migratório em andamento\n",
                  "Taxas a pagar\n", "Prazo para o pedido: 2009-12-30\n"}));
  CHECK(count(r.out, "\n> ") == 10);
}

TEST_CASE("regularis screen --interactive stops at the first decisive answer",
          "[authoring][checker]") {
  const Run r = run("screen -i -p examples/programmes/br-2009.yaml --lang pt --as-of 2009-08-10",
                    "2009-03-05\\nsim\\n");
  CHECK(r.status == 0);
  CHECK(count(r.out, "\n> ") == 1);
  CHECK(in_order(r.out, {"Resultado: Não elegível\n", "Condições não cumpridas\n",
                         "  - Ingressou no Brasil até 1º de fevereiro de 2009"}));
}

TEST_CASE("regularis screen --interactive ends cleanly at the end of input",
          "[authoring][checker]") {
  const Run r = run("screen -i -p examples/programmes/br-2009.yaml --as-of 2009-08-10",
                    "2008-03-05\\nyes\\n");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(count(r.out, "\n> ") == 3);
  CHECK(in_order(r.out,
                 {"Do you live in Brazil now?\n> yes\n",
                  "The questions stopped before the end; this is what is known so far.\n",
                  "Result: Possibly eligible: something is still missing\n", "Still to answer\n",
                  "  - Is there any criminal proceeding pending against you, in Brazil or "
                  "abroad?\n"}));
}

TEST_CASE("regularis screen: one person against several programmes", "[authoring][checker]") {
  const Run r =
      run("screen - --as-of 2009-08-10 -p examples/programmes/es-2005.yaml "
          "examples/programmes/br-2009.yaml",
          "{\"format\": \"regularis.application/1\", \"id\": \"S-1\", \"applicant\": "
          "{\"entry_date\": \"2008-11-03\"}}");
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(in_order(r.out, {"Screening for S-1: 2 programmes\n", "\nbr-2009  Brazil 2009",
                         "  incomplete: may qualify; version 2009-07-02; Deadline to apply "
                         "2009-12-30\n",
                         "  Next question: Do you live in Brazil now? "
                         "(applicant.present_at_filing)\n",
                         "\nes-2005  ", "  ineligible: does not qualify"}));
}
