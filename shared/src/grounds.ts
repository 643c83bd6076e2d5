// The grounds a handler must name when a complaint is not accepted, a mediation is terminated, or a
// report is not opened as a case. Codes are stored with cases and appear as enums in the OpenAPI
// document: add codes, never rename them. Sources name the 2022 text of 《市场监督管理投诉举报处理
// 暂行办法》 (暂行办法) and SAMR Order No. 121 《市场监督管理投诉举报处理办法》 (in force 2026-04-15,
// 121号令), which renumbers the non-acceptance grounds as Art. 16 and adds two grounds.

export interface Ground {
  code: string;
  textZh: string;
  textEn: string;
  source: string;
}

type Codes<T extends readonly Ground[]> = readonly [T[number]['code'], ...T[number]['code'][]];

function codesOf<const T extends readonly Ground[]>(grounds: T): Codes<T> {
  return grounds.map((ground) => ground.code) as unknown as Codes<T>;
}

/** Non-acceptance of a complaint (不予受理). */
export const REFUSAL_GROUNDS = [
  {
    code: 'outside_duties_or_jurisdiction',
    textZh: '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限',
    textEn: 'Not within the market regulator’s duties, or this office has no jurisdiction',
    source: '121号令第十六条；暂行办法第十五条第（一）项',
  },
  {
    code: 'handled_elsewhere',
    textZh:
      '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议',
    textEn:
      'The same dispute is or was before a court, arbitration, a consumer association or another mediator',
    source: '121号令第十六条；暂行办法第十五条第（二）项',
  },
  {
    code: 'not_living_consumption_or_no_dispute',
    textZh: '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议',
    textEn: 'Not bought for living consumption, or no provable consumer dispute with the respondent',
    source: '121号令第十六条；暂行办法第十五条第（三）项',
  },
  {
    code: 'over_three_years',
    textZh: '投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年',
    textEn: 'More than three years since the complainant knew or should have known of the harm',
    source: '121号令第十六条；暂行办法第十五条第（四）项',
  },
  {
    code: 'materials_missing',
    textZh: '未提供投诉人身份信息、被投诉人信息、具体诉求、消费争议事实等规定材料',
    textEn: 'Required materials missing (identity, respondent, request, facts of the dispute)',
    source: '121号令第十六条；暂行办法第十五条第（五）项（材料要求见第九条第一款、第十条）',
  },
  {
    code: 'impersonation_or_identity_refused',
    textZh: '冒用他人身份投诉，或者拒绝身份核验',
    textEn: 'Filed under another person’s identity, or identity verification refused',
    source: '121号令第十六条（新增）',
  },
  {
    code: 'other_legal_ground',
    textZh: '法律、法规、规章规定不予受理的其他情形',
    textEn: 'Another ground for non-acceptance set by law, regulation or rule',
    source: '121号令第十六条；暂行办法第十五条第（六）项',
  },
] as const satisfies readonly Ground[];
export type RefusalGroundCode = (typeof REFUSAL_GROUNDS)[number]['code'];
export const REFUSAL_GROUNDS_CODES = codesOf(REFUSAL_GROUNDS);

/** Termination of mediation (终止调解). */
export const TERMINATION_GROUNDS = [
  {
    code: 'complainant_withdrew_or_settled',
    textZh: '投诉人撤回投诉或者双方自行和解',
    textEn: 'The complainant withdrew, or the parties settled between themselves',
    source: '暂行办法第二十一条第（一）项',
  },
  {
    code: 'no_agreement_on_testing',
    textZh: '双方对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致',
    textEn: 'The parties could not agree on the testing or appraisal body or who pays for it',
    source: '暂行办法第二十一条第（二）项',
  },
  {
    code: 'party_absent_or_respondent_refused',
    textZh: '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解',
    textEn: 'A party stayed away without good reason, or the respondent refused mediation',
    source: '暂行办法第二十一条第（三）项',
  },
  {
    code: 'agreement_impossible',
    textZh: '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议',
    textEn: 'After mediation, a party stated that no agreement can be reached',
    source: '暂行办法第二十一条第（四）项',
  },
  {
    // The non-acceptance grounds (REFUSAL_GROUNDS) found after acceptance end the case this way
    // instead of by a refusal.
    code: 'non_acceptance_ground_found',
    textZh: '受理投诉后，发现存在不予受理的情形',
    textEn: 'After acceptance, a ground for non-acceptance came to light',
    source: '暂行办法第二十一条第（六）项（不予受理情形见第十五条；121号令第十六条）',
  },
  {
    code: 'mediation_period_expired',
    textZh: '自投诉受理之日起四十五个工作日内未能达成调解协议',
    textEn: 'No agreement within 45 working days of acceptance (testing and appraisal time excluded)',
    source: '暂行办法第二十一条第（五）项；第二十条（检测鉴定时间不计算在内）',
  },
  {
    code: 'illegitimate_claims',
    textZh: '投诉人提出的诉求不合法或者提供虚假材料等',
    textEn: 'Illegitimate claims, such as false materials',
    source: '121号令（新增终止调解情形）',
  },
] as const satisfies readonly Ground[];
export type TerminationGroundCode = (typeof TERMINATION_GROUNDS)[number]['code'];
export const TERMINATION_GROUNDS_CODES = codesOf(TERMINATION_GROUNDS);

/** A report (举报) verified but not opened as a case (不予立案). */
export const REPORT_NOT_OPEN_GROUNDS = [
  {
    code: 'no_violation_found',
    textZh: '经核查，没有证据初步证明存在违法行为',
    textEn: 'Verification found no initial evidence of a violation',
    source: '《市场监督管理行政处罚程序规定》第二十条（立案条件）',
  },
  {
    code: 'insufficient_clues',
    textZh: '举报线索不清，无法核查',
    textEn: 'The report gives too little to verify',
    source: '《市场监督管理行政处罚程序规定》第十八条、第二十条',
  },
  {
    code: 'outside_jurisdiction',
    textZh: '不属于本部门管辖',
    textEn: 'Outside this office’s jurisdiction',
    source: '《市场监督管理行政处罚程序规定》第二十条（立案条件：属于本部门管辖）',
  },
  {
    code: 'duplicate_report',
    textZh: '重复举报，已依法处理',
    textEn: 'Duplicate of a report already handled',
    source: '121号令（对重复举报不再处理）',
  },
  {
    code: 'other_legal_ground',
    textZh: '法律、法规、规章规定不予立案的其他情形',
    textEn: 'Another ground for not opening a case set by law, regulation or rule',
    source: '《市场监督管理行政处罚程序规定》第二十条',
  },
] as const satisfies readonly Ground[];
export type ReportNotOpenGroundCode = (typeof REPORT_NOT_OPEN_GROUNDS)[number]['code'];
export const REPORT_NOT_OPEN_GROUNDS_CODES = codesOf(REPORT_NOT_OPEN_GROUNDS);
