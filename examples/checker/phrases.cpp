// SPDX-FileCopyrightText: 2026 The regularis authors
// SPDX-License-Identifier: Apache-2.0
//
// The table of the checker's fixed phrases: one row per phrase, one column
// per language (en, pt, es, fr); a note's phrase has "{name}" slots that
// note_text fills with the values the note names.
#include "phrases.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

namespace checker {

namespace {

struct Row {
  std::string_view id;
  std::array<std::string_view, 4> texts;  // en, pt, es, fr
};

constexpr Row kPhrases[] = {
    {"screening", {"Screening for", "Triagem para", "Evaluación para", "Pré-évaluation pour"}},
    {"how_to_answer",
     {"Answer each question and press Enter; end the input (Ctrl-D) to stop.",
      "Responda a cada pergunta e tecle Enter; encerre a entrada (Ctrl-D) para parar.",
      "Responda cada pregunta y pulse Intro; cierre la entrada (Ctrl-D) para terminar.",
      "Répondez à chaque question puis Entrée ; fermez l'entrée (Ctrl-D) pour arrêter."}},
    {"answer_yes_no",
     {"Please answer yes or no.", "Responda sim ou não.", "Responda sí o no.",
      "Répondez oui ou non."}},
    {"answer_date",
     {"Please write the date as YYYY-MM-DD, e.g. 2008-11-03.",
      "Escreva a data como AAAA-MM-DD, por exemplo 2008-11-03.",
      "Escriba la fecha como AAAA-MM-DD, por ejemplo 2008-11-03.",
      "Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2008-11-03."}},
    {"answer_date_or_time",
     {"Please write the date as YYYY-MM-DD (or a time such as 2009-12-30T23:30:00-02:00).",
      "Escreva a data como AAAA-MM-DD (ou um horário como 2009-12-30T23:30:00-02:00).",
      "Escriba la fecha como AAAA-MM-DD (o una hora como 2009-12-30T23:30:00-02:00).",
      "Écrivez la date sous la forme AAAA-MM-JJ (ou une heure comme "
      "2009-12-30T23:30:00-02:00)."}},
    {"answer_integer",
     {"Please write a whole number.", "Escreva um número inteiro.", "Escriba un número entero.",
      "Écrivez un nombre entier."}},
    {"answer_decimal",
     {"Please write a number, e.g. 12.5.", "Escreva um número, por exemplo 12.5.",
      "Escriba un número, por ejemplo 12.5.", "Écrivez un nombre, par exemple 12.5."}},
    {"answer_country",
     {"Please write the two-letter country code, e.g. BO.",
      "Escreva o código do país com duas letras, por exemplo BO.",
      "Escriba el código del país de dos letras, por ejemplo BO.",
      "Écrivez le code du pays en deux lettres, par exemple BO."}},
    {"answer_one_of",
     {"Please answer one of:", "Responda uma das opções:", "Responda una de las opciones:",
      "Répondez par l'une des options :"}},
    {"answer_something",
     {"Please write an answer.", "Escreva uma resposta.", "Escriba una respuesta.",
      "Écrivez une réponse."}},
    {"answer_none_only",
     {"Here you can only answer \"none\". If there are any, list them in the application "
      "file (JSON) instead.",
      "Aqui só é possível responder \"nenhuma\". Se houver alguma, indique-as no arquivo do "
      "pedido (JSON).",
      "Aquí solo se puede responder \"ninguna\". Si hay alguna, indíquelas en el archivo de la "
      "solicitud (JSON).",
      "Ici, vous pouvez seulement répondre « aucune ». S'il y en a, indiquez-les dans le "
      "fichier de la demande (JSON)."}},
    {"answer_not_accepted",
     {"This answer is not accepted:", "Esta resposta não é aceita:", "Esta respuesta no es válida:",
      "Cette réponse n'est pas acceptée :"}},
    {"cannot_ask",
     {"This cannot be answered here:", "Isto não pode ser respondido aqui:",
      "Esto no se puede responder aquí:", "Ceci ne peut pas être répondu ici :"}},
    {"stopped_early",
     {"The questions stopped before the end; this is what is known so far.",
      "As perguntas pararam antes do fim; isto é o que se sabe até agora.",
      "Las preguntas terminaron antes del final; esto es lo que se sabe hasta ahora.",
      "Les questions se sont arrêtées avant la fin ; voici ce que l'on sait jusqu'ici."}},
    {"result", {"Result", "Resultado", "Resultado", "Résultat"}},
    {"outcome.eligible", {"Eligible", "Elegível", "Elegible", "Éligible"}},
    {"outcome.ineligible", {"Not eligible", "Não elegível", "No elegible", "Non éligible"}},
    {"outcome.incomplete",
     {"Possibly eligible: something is still missing", "Possivelmente elegível: ainda falta algo",
      "Posiblemente elegible: todavía falta algo",
      "Peut-être éligible : il manque encore quelque chose"}},
    {"outcome.invalid",
     {"The information given is not valid", "As informações dadas não são válidas",
      "La información dada no es válida", "Les informations données ne sont pas valides"}},
    {"not_met",
     {"Conditions not met", "Condições não cumpridas", "Condiciones no cumplidas",
      "Conditions non remplies"}},
    {"criterion.filed_in_window",
     {"Filed within the filing window", "Pedido apresentado dentro do prazo",
      "Solicitud presentada dentro del plazo", "Demande déposée dans le délai"}},
    {"missing", {"missing", "faltam", "faltan", "manquent"}},
    {"to_complete", {"to complete", "para completar", "para completar", "à compléter"}},
    {"reasons", {"reasons", "motivos", "motivos", "motifs"}},
    {"version", {"version", "versão", "versión", "version"}},
    {"still_needed",
     {"Still to answer", "Ainda falta responder", "Falta responder", "Reste à répondre"}},
    {"documents", {"Documents", "Documentos", "Documentos", "Documents"}},
    {"fees_due", {"Fees to pay", "Taxas a pagar", "Tasas a pagar", "Frais à payer"}},
    {"no_fees_due",
     {"No fee is due.", "Nenhuma taxa a pagar.", "Ninguna tasa a pagar.", "Aucun frais à payer."}},
    {"paid_so_far", {"paid so far", "pago até agora", "pagado hasta ahora", "payé jusqu'ici"}},
    {"after_approval",
     {"after approval", "após a aprovação", "después de la aprobación", "après l'approbation"}},
    {"deadline",
     {"Deadline to apply", "Prazo para o pedido", "Plazo para presentar la solicitud",
      "Date limite de la demande"}},
    {"next_question",
     {"Next question", "Próxima pergunta", "Siguiente pregunta", "Question suivante"}},
    {"qualifies", {"qualifies", "elegível", "elegible", "éligible"}},
    {"may_qualify",
     {"may qualify", "pode ser elegível", "puede ser elegible", "peut être éligible"}},
    {"does_not_qualify",
     {"does not qualify", "não é elegível", "no es elegible", "n'est pas éligible"}},
    {"programmes", {"programmes", "programas", "programas", "programmes"}},
    {"document.provided", {"provided", "entregue", "entregado", "fourni"}},
    {"document.missing", {"missing", "falta", "falta", "manquant"}},
    {"document.rejected", {"not accepted", "não aceito", "no aceptado", "non accepté"}},
    {"document.expired", {"expired", "vencido", "vencido", "expiré"}},
    {"document.not_verified", {"not verified", "não verificado", "no verificado", "non vérifié"}},
    {"document.not_required", {"not required", "não exigido", "no exigido", "non exigé"}},
    // regularis checklist and the dates of regularis explain
    {"legal_basis", {"Legal basis", "Base legal", "Base legal", "Base légale"}},
    {"apply_to", {"Apply to", "Onde pedir", "Dónde presentar", "Où déposer"}},
    {"window", {"Window", "Prazo para o pedido", "Plazo de solicitud", "Période de dépôt"}},
    {"conditions", {"Conditions", "Condições", "Condiciones", "Conditions"}},
    {"documents_to_bring",
     {"Documents to bring", "Documentos a levar", "Documentos que debe llevar",
      "Documents à apporter"}},
    {"accepted", {"accepted", "aceitos", "se aceptan", "acceptés"}},
    {"which_must_show",
     {"which must show", "que deve mostrar", "que debe mostrar", "qui doit montrer"}},
    {"needed_when", {"needed when", "exigido quando", "exigido cuando", "exigé lorsque"}},
    {"self_declaration",
     {"a declaration signed by the applicant", "uma declaração assinada pelo requerente",
      "una declaración firmada por el solicitante", "une déclaration signée par le demandeur"}},
    {"per_dependant",
     {"for each dependant applying", "para cada dependente que faz o pedido",
      "por cada familiar que solicita", "pour chaque personne à charge qui demande"}},
    {"only_for", {"only for", "somente para", "solo para", "seulement pour"}},
    {"total_at_filing",
     {"Total at filing", "Total no pedido", "Total al presentar", "Total au dépôt"}},
    {"grant", {"Grant", "Concessão", "Concesión", "Octroi"}},
    {"dates", {"Dates", "Datas", "Fechas", "Dates"}},
    {"deadline.window_opens",
     {"first day to apply", "primeiro dia para o pedido", "primer día para solicitar",
      "premier jour pour demander"}},
    {"deadline.window_closes",
     {"last day to apply", "último dia para o pedido", "último día para solicitar",
      "dernier jour pour demander"}},
    {"deadline.grant_expires",
     {"the status granted would expire", "a autorização concedida venceria",
      "el permiso concedido vencería", "le titre accordé expirerait"}},
    {"deadline.follow_on_opens",
     {"the next step can be requested from", "o passo seguinte pode ser pedido a partir de",
      "el paso siguiente se puede solicitar desde", "l'étape suivante peut être demandée dès"}},
    {"deadline.follow_on_closes",
     {"last day to request the next step", "último dia para pedir o passo seguinte",
      "último día para solicitar el paso siguiente",
      "dernier jour pour demander l'étape suivante"}},
    // the engine's notes on documents and fees (regularis::Note)
    {"and", {"and", "e", "y", "et"}},
    {"note.required_if",
     {"required if {expression}", "exigido se {expression}", "exigido si {expression}",
      "exigé si {expression}"}},
    {"note.required_if_applying",
     {"required if {paths} applies", "exigido se {paths} fizer o pedido",
      "exigido si {paths} solicita", "exigé si {paths} demande"}},
    {"note.holder_unknown",
     {"cannot be checked yet: {paths} has no id for its documents to name as holder",
      "ainda não pode ser verificado: {paths} não tem identificador para os documentos "
      "indicarem como titular",
      "todavía no se puede comprobar: {paths} no tiene identificador para que los documentos "
      "lo indiquen como titular",
      "pas encore vérifiable : {paths} n'a pas d'identifiant que les documents puissent "
      "indiquer comme titulaire"}},
    {"note.not_verified",
     {"{paths} ({type}): not verified", "{paths} ({type}): não verificado",
      "{paths} ({type}): no verificado", "{paths} ({type}) : non vérifié"}},
    {"note.expired_before_filing",
     {"{paths} ({type}): expired before the filing date",
      "{paths} ({type}): vencido antes da data do pedido",
      "{paths} ({type}): vencido antes de la fecha de la solicitud",
      "{paths} ({type}) : expiré avant la date de dépôt"}},
    {"note.condition_not_met",
     {"{paths} ({type}): does not satisfy {expression}",
      "{paths} ({type}): não cumpre {expression}", "{paths} ({type}): no cumple {expression}",
      "{paths} ({type}) : ne remplit pas {expression}"}},
    {"note.condition_unknown",
     {"{paths} ({type}): cannot show {expression}",
      "{paths} ({type}): não permite verificar {expression}",
      "{paths} ({type}): no permite comprobar {expression}",
      "{paths} ({type}) : ne permet pas de vérifier {expression}"}},
    {"note.amount_if_applying.one",
     {"the amount if {paths} applies; {amount} if not",
      "valor caso {paths} faça o pedido; se não fizer, {amount}",
      "importe si {paths} solicita; si no, {amount}",
      "montant si {paths} demande ; sinon, {amount}"}},
    {"note.amount_if_applying.many",
     {"the amount if {paths} apply; {amount} if none of them does",
      "valor caso {paths} façam o pedido; se nenhum fizer, {amount}",
      "importe si {paths} solicitan; si ninguno solicita, {amount}",
      "montant si {paths} demandent ; si aucun ne demande, {amount}"}},
    {"note.not_due", {"not due", "nada a pagar", "nada que pagar", "rien à payer"}},
};

std::size_t column(std::string_view language) {
  if (language.substr(0, 2) == "pt") return 1;
  if (language.substr(0, 2) == "es") return 2;
  if (language.substr(0, 2) == "fr") return 3;
  return 0;
}

}  // namespace

std::string phrase(std::string_view id, std::string_view language) {
  for (const Row& row : kPhrases) {
    if (row.id == id) return std::string(row.texts[column(language)]);
  }
  return std::string(id);
}

namespace {

/// `text` with each "{name}" slot replaced by its value, in one pass (a value
/// that contains "{...}" is not read as a slot).
std::string filled(std::string_view text,
                   std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t end = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    const std::string_view name =
        end == std::string_view::npos ? std::string_view() : text.substr(i + 1, end - i - 1);
    const auto* slot = std::find_if(values.begin(), values.end(),
                                    [&](const auto& value) { return value.first == name; });
    if (end != std::string_view::npos && slot != values.end()) {
      out += slot->second;
      i = end + 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

std::string note_text(const regularis::Note& note, std::string_view language) {
  std::string paths;  // "dependants[0], dependants[1] e dependants[2]"
  for (std::size_t i = 0; i < note.paths.size(); ++i) {
    paths += i == 0 ? "" : i + 1 == note.paths.size() ? " " + phrase("and", language) + " " : ", ";
    paths += note.paths[i];
  }
  std::string id = "note." + std::string(to_string(note.code));
  if (note.code == regularis::NoteCode::amount_if_applying)
    id += note.paths.size() == 1 ? ".one" : ".many";
  return filled(phrase(id, language), {{"paths", paths},
                                       {"type", note.document_type},
                                       {"expression", note.expression},
                                       {"amount", note.amount ? note.amount->to_string()
                                                              : phrase("note.not_due", language)}});
}

}  // namespace checker
