import type {
  PlaybookSettings,
  PlaybookStep,
  PlaybookTemplate,
  PlaybookType,
  StepOwnerRule,
} from './playbooks.ts';

/** The languages Harbor writes HubSpot tasks in (the signal settings' `routing.taskLanguage`). */
export type TaskLanguage = 'en' | 'pt-BR';

type StepShape = Pick<PlaybookStep, 'dueInDays' | 'priority' | 'taskType'> & {
  owner?: StepOwnerRule['kind'];
};
type StepText = Pick<PlaybookStep, 'title' | 'body'>;

/**
 * One step in both languages. The timing, priority, type and owner are written once so the two languages
 * cannot drift apart; only the words differ (translated for meaning, not word for word).
 */
const step = (shape: StepShape, text: Record<TaskLanguage, StepText>) => ({ shape, text });

function template(steps: readonly ReturnType<typeof step>[]): Record<TaskLanguage, PlaybookTemplate> {
  const inLanguage = (language: TaskLanguage): PlaybookTemplate => ({
    enabled: true,
    steps: steps.map(({ shape, text }) => ({
      ...text[language],
      dueInDays: shape.dueInDays,
      priority: shape.priority,
      taskType: shape.taskType,
      owner: shape.owner === 'cs_lead' ? { kind: 'cs_lead' } : { kind: 'company_owner' },
    })),
  });
  return { en: inLanguage('en'), 'pt-BR': inLanguage('pt-BR') };
}

/** The first 90 days of a large new customer: goals, a plan both sides read, a first win, then adoption. */
const onboarding = template([
  step(
    { dueInDays: 3, priority: 'HIGH', taskType: 'CALL' },
    {
      en: {
        title: 'Kick-off call: goals and a first milestone',
        body: "Meet the customer's project lead and, if you can, the sponsor. Agree what success means for them in the first 90 days and a first milestone with a date. Log both on the company record: every later step checks against them.",
      },
      'pt-BR': {
        title: 'Reunião de kick-off: objetivos e primeiro marco',
        body: 'Converse com o responsável pelo projeto no cliente e, se possível, com o patrocinador. Combinem o que é sucesso para eles nos primeiros 90 dias e um primeiro marco com data. Registre os dois na empresa: as próximas etapas partem deles.',
      },
    },
  ),
  step(
    { dueInDays: 5, priority: 'MEDIUM', taskType: 'EMAIL' },
    {
      en: {
        title: 'Send the success plan',
        body: 'Write down the goals, the milestones, who owns what on both sides and the date of the first value check, and send it to the customer. A plan both sides have read keeps onboarding on track when people get busy.',
      },
      'pt-BR': {
        title: 'Envie o plano de sucesso',
        body: 'Coloque no papel os objetivos, os marcos, quem faz o quê de cada lado e a data da primeira checagem de valor, e envie ao cliente. Um plano que os dois lados leram segura o onboarding quando a rotina aperta.',
      },
    },
  ),
  step(
    { dueInDays: 14, priority: 'MEDIUM', taskType: 'CALL' },
    {
      en: {
        title: 'Check setup and training',
        body: 'Check that the agreed users are invited and active and that the first key workflow is live. Unblock what is stuck; technical problems go to support as a ticket rather than being solved by you on the call.',
      },
      'pt-BR': {
        title: 'Confira a configuração e o treinamento',
        body: 'Verifique se os usuários combinados foram convidados e estão ativos e se o primeiro fluxo principal já está no ar. Destrave o que estiver parado; problemas técnicos viram chamado para o suporte, em vez de serem resolvidos por você na ligação.',
      },
    },
  ),
  step(
    { dueInDays: 21, priority: 'HIGH', taskType: 'CALL' },
    {
      en: {
        title: 'Review the first milestone',
        body: 'Confirm with the customer that the first milestone was reached and delivered what they expected. If not, agree what is missing, who does it and a new date. Customers who see value early adopt more widely; one who has not seen it yet needs help now, not at the renewal.',
      },
      'pt-BR': {
        title: 'Revise o primeiro marco',
        body: 'Confirme com o cliente que o primeiro marco foi atingido e entregou o que esperavam. Se não, combinem o que falta, quem faz e uma nova data. Quem vê valor cedo adota mais; quem ainda não viu precisa de ajuda agora, não na renovação.',
      },
    },
  ),
  step(
    { dueInDays: 30, priority: 'MEDIUM', taskType: 'TODO' },
    {
      en: {
        title: 'Close onboarding',
        body: 'Compare usage with the success plan and record what was achieved on the company record. If adoption is behind the plan, start the adoption playbook instead of letting the account drift.',
      },
      'pt-BR': {
        title: 'Encerre o onboarding',
        body: 'Compare o uso com o plano de sucesso e registre na empresa o que foi alcançado. Se a adoção estiver abaixo do plano, inicie o playbook de adoção em vez de deixar a conta à deriva.',
      },
    },
  ),
]);

/** Usage fell: find out why before calling, fix it with training on what exists, then measure again. */
const adoption = template([
  step(
    { dueInDays: 2, priority: 'HIGH', taskType: 'TODO' },
    {
      en: {
        title: 'Study the usage drop',
        body: 'Look at the evidence: which users or teams stopped logging in, since when, and how many seats are unused. Before you call, check recent tickets and changes at the customer, such as a champion who left or a reorganisation.',
      },
      'pt-BR': {
        title: 'Entenda a queda de uso',
        body: 'Olhe a evidência: quais usuários ou equipes pararam de acessar, desde quando e quantas licenças estão paradas. Antes de ligar, veja os chamados recentes e mudanças no cliente, como a saída do ponto focal ou uma reestruturação.',
      },
    },
  ),
  step(
    { dueInDays: 3, priority: 'HIGH', taskType: 'CALL' },
    {
      en: {
        title: 'Call the champion',
        body: 'Ask what changed and what gets in the way of using the product, and listen more than you explain. Missing features go to the product team as feedback, without saying if or when they will come; bugs go to support.',
      },
      'pt-BR': {
        title: 'Ligue para o ponto focal',
        body: 'Pergunte o que mudou e o que está atrapalhando o uso do produto, e ouça mais do que explica. Funcionalidades que faltam vão para o time de produto como feedback, sem dizer se ou quando virão; bugs vão para o suporte.',
      },
    },
  ),
  step(
    { dueInDays: 5, priority: 'MEDIUM', taskType: 'EMAIL' },
    {
      en: {
        title: 'Send an adoption plan',
        body: 'Send a short plan: which users to train again, which workflow to switch on, who does what by when. Build it from what the product does today.',
      },
      'pt-BR': {
        title: 'Envie um plano de adoção',
        body: 'Mande um plano curto: quais usuários treinar de novo, que fluxo ativar, quem faz o quê e até quando. Monte o plano com o que o produto já faz hoje.',
      },
    },
  ),
  step(
    { dueInDays: 10, priority: 'MEDIUM', taskType: 'CALL' },
    {
      en: {
        title: 'Run a training session',
        body: 'Train the inactive users on the workflows in the plan, ideally with their manager there. Usage comes back when people see the product save them time in their own work.',
      },
      'pt-BR': {
        title: 'Faça um treinamento',
        body: 'Treine os usuários inativos nos fluxos do plano, de preferência com o gestor deles presente. O uso volta quando as pessoas veem o produto poupar tempo no próprio trabalho.',
      },
    },
  ),
  step(
    { dueInDays: 21, priority: 'MEDIUM', taskType: 'TODO' },
    {
      en: {
        title: 'Check that usage recovered',
        body: 'Compare logins and active users with the week the playbook started. If they recovered, note what worked on the company record; if not, agree with your CS lead whether to start the risk playbook.',
      },
      'pt-BR': {
        title: 'Confira se o uso voltou',
        body: 'Compare acessos e usuários ativos com a semana em que o playbook começou. Se voltaram, registre na empresa o que funcionou; se não, decida com a liderança de CS se é hora do playbook de risco.',
      },
    },
  ),
]);

/** A healthy customer outgrowing what it bought: confirm, learn the need, and hand the commercial part to sales. */
const expansion = template([
  step(
    { dueInDays: 3, priority: 'MEDIUM', taskType: 'TODO' },
    {
      en: {
        title: 'Confirm the account is ready',
        body: 'Check the expansion evidence (seats in use, usage growth) and that the account is healthy: no critical tickets, late invoices or recent detractor answers. If there are any, deal with those first; asking an unhappy customer to buy more speeds churn.',
      },
      'pt-BR': {
        title: 'Confirme que a conta está pronta',
        body: 'Confira a evidência de expansão (licenças em uso, crescimento do uso) e se a conta está saudável: sem chamados críticos, faturas atrasadas ou respostas detratoras recentes. Se houver, cuide disso antes; pedir a um cliente insatisfeito que compre mais acelera o churn.',
      },
    },
  ),
  step(
    { dueInDays: 7, priority: 'MEDIUM', taskType: 'CALL' },
    {
      en: {
        title: 'Discovery call',
        body: 'Ask about their plans: new teams, new use cases, the seat limit they are close to. Learn what they need rather than pitching, and write it down in their words.',
      },
      'pt-BR': {
        title: 'Conversa de descoberta',
        body: 'Pergunte sobre os planos deles: novas equipes, novos casos de uso, o limite de licenças que está perto. Entenda a necessidade em vez de vender e anote com as palavras do cliente.',
      },
    },
  ),
  step(
    { dueInDays: 5, priority: 'MEDIUM', taskType: 'TODO' },
    {
      en: {
        title: 'Hand the opportunity to sales',
        body: 'Record the need on the company and hand it to the account executive, or whoever owns commercial terms, with a deal. Prices and quotes are theirs to decide; do not give the customer a figure yourself.',
      },
      'pt-BR': {
        title: 'Passe a oportunidade para vendas',
        body: 'Registre a necessidade na empresa e passe para o executivo de contas, ou quem cuida das condições comerciais, com um negócio. Preço e proposta são decisão deles; não passe valores ao cliente por conta própria.',
      },
    },
  ),
  step(
    { dueInDays: 14, priority: 'LOW', taskType: 'TODO' },
    {
      en: {
        title: 'Follow up the hand-off',
        body: 'Check with the account executive that the customer got an answer. If they buy more, plan the onboarding of the new users so the extra seats get used.',
      },
      'pt-BR': {
        title: 'Acompanhe a passagem para vendas',
        body: 'Confirme com o executivo de contas que o cliente teve resposta. Se ele comprar mais, planeje o onboarding dos novos usuários para que as licenças extras sejam usadas.',
      },
    },
  ),
]);

/**
 * Starts 60–90 days before the renewal date, so its due days add up to well under 60. Harbor never changes
 * a deal amount or a price: the last step hands any such change to finance (issue 11, point 5).
 */
const renewal = template([
  step(
    { dueInDays: 5, priority: 'HIGH', taskType: 'TODO' },
    {
      en: {
        title: 'Account review',
        body: 'Review the account before you talk to the customer: health score and its drivers, contract and renewal date, stakeholders (is the sponsor still there?), open tickets and invoices. Starting two months out leaves time to fix what you find.',
      },
      'pt-BR': {
        title: 'Revisão da conta',
        body: 'Revise a conta antes de falar com o cliente: health score e o que pesa nele, contrato e data de renovação, pessoas envolvidas (o patrocinador continua lá?), chamados e faturas em aberto. Começar dois meses antes dá tempo de corrigir o que aparecer.',
      },
    },
  ),
  step(
    { dueInDays: 7, priority: 'HIGH', taskType: 'TODO' },
    {
      en: {
        title: 'Value summary',
        body: "Write a one-page summary of the value delivered since the last renewal: the goals agreed, the outcomes reached and the usage trend (active users, seats in use). Use the customer's own numbers where you have them; this is what the sponsor takes to whoever signs.",
      },
      'pt-BR': {
        title: 'Resumo de valor',
        body: 'Escreva em uma página o valor entregue desde a última renovação: os objetivos combinados, os resultados alcançados e a tendência de uso (usuários ativos, licenças em uso). Use os números do próprio cliente quando tiver; é isso que o patrocinador leva a quem assina.',
      },
    },
  ),
  step(
    { dueInDays: 3, priority: 'HIGH', taskType: 'TODO' },
    {
      en: {
        title: 'Review open risks and signals',
        body: "List the account's open risk signals and running playbooks: usage, tickets, payments, detractors. Each needs an owner and a plan before the renewal conversation; open tickets are support's and late invoices finance's, so check their status with them.",
      },
      'pt-BR': {
        title: 'Revise riscos e sinais em aberto',
        body: 'Liste os sinais de risco abertos e os playbooks em andamento da conta: uso, chamados, pagamentos, detratores. Cada um precisa de dono e plano antes da conversa de renovação; chamados são do suporte e faturas atrasadas do financeiro, então confira com eles como estão.',
      },
    },
  ),
  step(
    { dueInDays: 10, priority: 'HIGH', taskType: 'CALL' },
    {
      en: {
        title: 'Renewal conversation',
        body: 'Meet the sponsor and whoever decides: walk through the value summary, hear their plans for next year and confirm they intend to renew. Log the outcome and any concern on the renewal deal.',
      },
      'pt-BR': {
        title: 'Conversa de renovação',
        body: 'Reúna-se com o patrocinador e com quem decide: apresente o resumo de valor, ouça os planos deles para o próximo ano e confirme a intenção de renovar. Registre o resultado e qualquer ressalva no negócio de renovação.',
      },
    },
  ),
  step(
    { dueInDays: 3, priority: 'HIGH', taskType: 'TODO' },
    {
      en: {
        title: 'Price or contract changes go to finance',
        body: 'If the renewal needs a price or contract-value change, hand it to finance with the renewal deal. Harbor and the CSM never change a deal amount or a price; finance decides and updates the deal. If nothing changes, note that on the deal and close this task.',
      },
      'pt-BR': {
        title: 'Mudança de preço ou de contrato vai para o financeiro',
        body: 'Se a renovação precisar de mudança de preço ou do valor do contrato, passe para o financeiro junto com o negócio de renovação. Nem o Harbor nem o CSM alteram o valor de um negócio ou um preço; o financeiro decide e atualiza o negócio. Se nada mudar, registre isso no negócio e conclua esta tarefa.',
      },
    },
  ),
]);

/** Low health or an executive's complaint: diagnose, hear the customer, bring in the CS lead, agree a plan. */
const risk = template([
  step(
    { dueInDays: 1, priority: 'HIGH', taskType: 'TODO' },
    {
      en: {
        title: 'Diagnose the risk',
        body: "Read the signal's evidence and the health score's drivers, then the recent tickets, survey answers, invoices and contacts. Write one line on what you think is wrong before anyone calls the customer.",
      },
      'pt-BR': {
        title: 'Diagnostique o risco',
        body: 'Leia a evidência do sinal e o que pesa no health score; depois, os chamados recentes, as respostas de pesquisa, as faturas e os contatos. Escreva em uma linha o que você acha que está errado antes de qualquer ligação ao cliente.',
      },
    },
  ),
  step(
    { dueInDays: 2, priority: 'HIGH', taskType: 'CALL' },
    {
      en: {
        title: 'Call your main contact',
        body: 'Share what you see, ask what is going wrong for them and log the cause on the company record. Support problems go to support as tickets and product requests to the product team as feedback; commit to neither a fix date nor a feature.',
      },
      'pt-BR': {
        title: 'Ligue para o contato principal',
        body: 'Conte o que você está vendo, pergunte o que não está funcionando para eles e registre a causa na empresa. Problemas de suporte viram chamado para o suporte e pedidos de produto vão como feedback para o time de produto; não se comprometa com prazo de correção nem com funcionalidade.',
      },
    },
  ),
  step(
    { dueInDays: 3, priority: 'HIGH', taskType: 'CALL', owner: 'cs_lead' },
    {
      en: {
        title: 'Executive sponsor call',
        body: "The CS lead calls the customer's executive sponsor: acknowledge the problem, agree what must be true in 30 days and who owns it on each side. A call at that level shows the account matters and reaches decisions the day-to-day contact cannot make.",
      },
      'pt-BR': {
        title: 'Ligação com o patrocinador executivo',
        body: 'A liderança de CS liga para o patrocinador executivo do cliente: reconhece o problema e combina o que precisa estar resolvido em 30 dias e quem cuida disso de cada lado. Uma conversa nesse nível mostra que a conta importa e chega a decisões que o contato do dia a dia não pode tomar.',
      },
    },
  ),
  step(
    { dueInDays: 2, priority: 'HIGH', taskType: 'EMAIL' },
    {
      en: {
        title: 'Send the recovery plan',
        body: 'Send the plan agreed on the calls: each problem, its action, the team that owns it (support, product, finance or CS) and a date. Put in only what the owning team has agreed to.',
      },
      'pt-BR': {
        title: 'Envie o plano de recuperação',
        body: 'Envie o plano combinado nas ligações: cada problema, a ação, o time responsável (suporte, produto, financeiro ou CS) e uma data. Inclua só o que o time responsável aceitou.',
      },
    },
  ),
  step(
    { dueInDays: 14, priority: 'MEDIUM', taskType: 'CALL' },
    {
      en: {
        title: 'Review progress with the customer',
        body: 'Go through the plan with the customer: what is done, what is late and why. Chase late actions with the team that owns them rather than doing their work.',
      },
      'pt-BR': {
        title: 'Revise o andamento com o cliente',
        body: 'Repasse o plano com o cliente: o que foi feito, o que atrasou e por quê. Cobre as ações atrasadas do time responsável, em vez de fazer o trabalho dele.',
      },
    },
  ),
  step(
    { dueInDays: 14, priority: 'MEDIUM', taskType: 'TODO' },
    {
      en: {
        title: 'Close or escalate',
        body: 'Check the health score and the signal. If the account recovered, confirm the signal in Harbor with a note of what worked; if not, agree the next step with the CS lead so the risk does not age.',
      },
      'pt-BR': {
        title: 'Encerre ou escale',
        body: 'Confira o health score e o sinal. Se a conta se recuperou, confirme o sinal no Harbor com uma nota do que funcionou; se não, combine o próximo passo com a liderança de CS para o risco não envelhecer.',
      },
    },
  ),
]);

/** A detractor's answer: a personal reply within two business days, the cause logged and fixed by its owner. */
const detractorFollowUp = template([
  step(
    { dueInDays: 2, priority: 'HIGH', taskType: 'CALL' },
    {
      en: {
        title: 'Contact the detractor within 2 business days',
        body: 'Call the contact who answered (write if you cannot reach them), thank them and ask what is behind their score. A quick, personal reply shows the survey was read; one weeks later confirms their view.',
      },
      'pt-BR': {
        title: 'Fale com o detrator em até 2 dias úteis',
        body: 'Ligue para o contato que respondeu (ou escreva, se não conseguir falar), agradeça e pergunte o que está por trás da nota. Uma resposta rápida e pessoal mostra que a pesquisa foi lida; uma resposta semanas depois confirma a impressão dele.',
      },
    },
  ),
  step(
    { dueInDays: 1, priority: 'HIGH', taskType: 'TODO' },
    {
      en: {
        title: 'Log the cause',
        body: "Record the cause on the company record in the customer's words, and its kind: product, support, billing, onboarding or relationship. The kind decides which team fixes it.",
      },
      'pt-BR': {
        title: 'Registre a causa',
        body: 'Registre a causa na empresa, com as palavras do cliente, e o tipo: produto, suporte, cobrança, onboarding ou relacionamento. O tipo define qual time resolve.',
      },
    },
  ),
  step(
    { dueInDays: 5, priority: 'MEDIUM', taskType: 'TODO' },
    {
      en: {
        title: 'Agree a fix with the owning team',
        body: 'Take the cause to the team that owns it: support for tickets and bugs, product for missing features, finance for invoices. Agree what they will do and by when; the fix and its date are theirs to commit to, not yours.',
      },
      'pt-BR': {
        title: 'Combine a solução com o time responsável',
        body: 'Leve a causa ao time dono do assunto: suporte para chamados e bugs, produto para funcionalidades que faltam, financeiro para faturas. Combinem o que será feito e até quando; a solução e o prazo são compromisso deles, não seu.',
      },
    },
  ),
  step(
    { dueInDays: 7, priority: 'MEDIUM', taskType: 'EMAIL' },
    {
      en: {
        title: 'Close the loop with the customer',
        body: 'Tell the customer what was done or decided and who owns what is still open, then ask whether that addresses their concern. Log their answer: closing the loop is what makes the next survey worth answering.',
      },
      'pt-BR': {
        title: 'Dê o retorno ao cliente',
        body: 'Conte ao cliente o que foi feito ou decidido e quem cuida do que ainda está aberto; depois pergunte se isso resolve a preocupação dele. Registre a resposta: fechar o ciclo é o que faz a próxima pesquisa valer a pena.',
      },
    },
  ),
]);

/**
 * The shipped playbooks, one per lifecycle phase plus the detractor follow-up, in both task languages.
 * Drawn from CS practice; the reasoning for every step is in docs/playbooks.md. No text promises a feature,
 * quotes a price or answers a ticket: those belong to product, finance and support.
 */
export const defaultPlaybooks: Record<PlaybookType, Record<TaskLanguage, PlaybookTemplate>> = {
  onboarding,
  adoption,
  expansion,
  renewal,
  risk,
  detractor_follow_up: detractorFollowUp,
};

/**
 * The template a company in `segment` gets: the segment's own, else the portal's, else the shipped default
 * in the portal's task language.
 */
export function playbookTemplateFor(
  settings: PlaybookSettings,
  segment: string,
  type: PlaybookType,
  language: TaskLanguage,
): PlaybookTemplate {
  const bySegment = Object.hasOwn(settings.segments, segment) ? settings.segments[segment] : undefined;
  return bySegment?.[type] ?? settings.templates[type] ?? defaultPlaybooks[type][language];
}
