import type { CallAnalysis } from "./analyze.ts";

/**
 * The analysis in the shape of the labelled calls' truth files (snake_case field names), which is what
 * `confidant analyze` prints and what the evaluation compares field by field.
 */
export function asReport(a: CallAnalysis) {
  return {
    participants: a.participants,
    turns: a.turns,
    turns_by_speaker: a.turnsBySpeaker,
    minimal_backchannel_turns: a.minimalBackchannelTurns,
    words: a.words,
    words_by_speaker: a.wordsBySpeaker,
    seller_word_share: a.sellerWordShare,
    questions: {
      seller: a.questions.seller,
      customer: a.questions.customer,
      total: a.questions.total,
      by_speaker: a.questions.bySpeaker,
    },
    questions_without_question_mark: a.questionsWithoutQuestionMark,
    question_types: a.questionTypes,
    insight_questions_seller: a.insightQuestionsSeller,
    questions_list: a.questionsList.map((q) => ({
      turn: q.turn,
      speaker: q.speaker,
      side: q.side,
      type: q.type,
      text: q.text,
      has_question_mark: q.hasQuestionMark,
    })),
    longest_seller_monologue: a.longestSellerMonologue,
    longest_seller_side_stretch: {
      words: a.longestSellerSideStretch.words,
      first_turn: a.longestSellerSideStretch.firstTurn,
      last_turn: a.longestSellerSideStretch.lastTurn,
      speakers: a.longestSellerSideStretch.speakers,
    },
    seller_talk_topics: {
      words: a.sellerTalkTopics.words,
      customer_problem_share: a.sellerTalkTopics.customerProblemShare,
      our_product_share: a.sellerTalkTopics.ourProductShare,
    },
    seller_turn_topics: a.sellerTurnTopics,
    discount_offered: a.discountOffered,
    next_step: a.nextStep,
    customer_statements: {
      problem: a.customerStatements.problem.map(({ turn, speaker, text }) => ({ turn, speaker, text })),
      impact: a.customerStatements.impact.map(({ turn, speaker, text }) => ({ turn, speaker, text })),
      concern: a.customerStatements.concern.map(({ turn, speaker, text }) => ({ turn, speaker, text })),
    },
    call_type: a.callType,
  };
}

export type CallReport = ReturnType<typeof asReport>;
