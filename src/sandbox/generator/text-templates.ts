import { splitList, type Locale } from './word-lists.ts';

/** Ticket texts and survey comments, in English and Brazilian Portuguese, shared across records. */

export type TicketCategory = 'PRODUCT_ISSUE' | 'BILLING_ISSUE' | 'FEATURE_REQUEST' | 'GENERAL_INQUIRY';
export type Sentiment = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

export const ticketSubjects: Record<TicketCategory, Record<Locale, readonly string[]>> = {
  PRODUCT_ISSUE: {
    en: splitList(`Dashboard not loading|Export to CSV fails|Sync stuck since yesterday|Error 500 when saving report
      Users cannot log in with SSO|Notifications arrive twice|Mobile app crashes on startup|Data missing after import
      Slow page loads in the reports area|Integration with our ERP stopped working`),
    pt: splitList(`Painel não carrega|Exportação para CSV falha|Sincronização travada desde ontem
      Erro 500 ao salvar relatório|Usuários não conseguem entrar com SSO|Notificações chegam duplicadas
      Aplicativo fecha ao abrir|Dados sumiram depois da importação|Relatórios muito lentos
      Integração com o ERP parou de funcionar`),
  },
  BILLING_ISSUE: {
    en: splitList(`Invoice amount looks wrong|Charged twice this month|Need a copy of last invoice
      Update billing contact|Payment failed on card|Question about renewal price`),
    pt: splitList(`Valor da fatura incorreto|Cobrança duplicada neste mês|Preciso da segunda via do boleto
      Atualizar contato de cobrança|Pagamento recusado no cartão|Dúvida sobre o preço da renovação`),
  },
  FEATURE_REQUEST: {
    en: splitList(`Request: custom fields on reports|Request: dark mode|Please add bulk edit
      Request: more granular permissions|Request: Slack integration|Request: scheduled exports`),
    pt: splitList(`Sugestão: campos personalizados nos relatórios|Sugestão: modo escuro|Edição em massa, por favor
      Sugestão: permissões mais detalhadas|Sugestão: integração com Slack|Sugestão: exportações agendadas`),
  },
  GENERAL_INQUIRY: {
    en: splitList(`How do I add a new user?|Training for new team members|Where can I find the API docs?
      Question about data retention|Can we change our account owner?|Best practices for onboarding`),
    pt: splitList(`Como adiciono um novo usuário?|Treinamento para novos membros da equipe|Onde fica a documentação da API?
      Dúvida sobre retenção de dados|Podemos trocar o responsável pela conta?|Boas práticas de onboarding`),
  },
};

export const ticketBodies: Record<TicketCategory, Record<Locale, readonly string[]>> = {
  PRODUCT_ISSUE: {
    en: splitList(`Several users on our team hit this since this morning. It blocks our daily workflow, please advise.
      We tried clearing the cache and another browser; the problem persists.
      This worked last week. Nothing changed on our side as far as we know.`),
    pt: splitList(`Vários usuários da equipe tiveram esse problema desde hoje cedo. Está travando nossa rotina.
      Já limpamos o cache e testamos outro navegador, mas o erro continua.
      Funcionava na semana passada e não mudamos nada do nosso lado.`),
  },
  BILLING_ISSUE: {
    en: splitList(`Please check the attached invoice against our contract.
      Our finance team needs this sorted before month end.`),
    pt: splitList(`Por favor confiram a fatura em anexo com o nosso contrato.
      O financeiro precisa resolver isso antes do fechamento do mês.`),
  },
  FEATURE_REQUEST: {
    en: splitList(`This would save our team hours every week.
      Is this on the roadmap? Several of our users asked for it.`),
    pt: splitList(`Isso economizaria horas da equipe toda semana.
      Isso está previsto? Vários usuários pediram.`),
  },
  GENERAL_INQUIRY: {
    en: splitList(`Could you point us to the right documentation?
      A short call would help if that is easier.`),
    pt: splitList(`Vocês podem indicar a documentação certa?
      Se for mais fácil, uma ligação rápida ajudaria.`),
  },
};

export const surveyComments: Record<Sentiment, Record<Locale, readonly string[]>> = {
  POSITIVE: {
    en: splitList(`Great product, our team relies on it every day.|Support is fast and really helpful.
      The new reporting features saved us a lot of time.|Easy to use and the onboarding was smooth.
      Our CSM is fantastic, always proactive.|Best tool we have adopted this year.
      Reliable and the integrations just work.|We recommend it to our partners.`),
    pt: splitList(`Produto excelente, a equipe usa todos os dias.|O suporte é rápido e muito atencioso.
      Os novos relatórios economizaram muito tempo.|Fácil de usar e a implantação foi tranquila.
      Nossa CSM é ótima, sempre proativa.|A melhor ferramenta que adotamos este ano.
      Confiável, e as integrações funcionam muito bem.|Recomendamos para os nossos parceiros.`),
  },
  NEUTRAL: {
    en: splitList(`It does the job, but reports could be faster.|Good overall, some features are hard to find.
      Fine for now; pricing is a bit high for what we use.|Support is okay, sometimes slow to answer.
      Works, though the mobile app needs improvement.`),
    pt: splitList(`Atende, mas os relatórios poderiam ser mais rápidos.|No geral é bom, algumas funções são difíceis de achar.
      Por enquanto serve; o preço é um pouco alto para o que usamos.|O suporte é razoável, às vezes demora.
      Funciona, mas o aplicativo precisa melhorar.`),
  },
  NEGATIVE: {
    en: splitList(`Too many bugs lately, our team is frustrated.|Support takes days to reply to urgent issues.
      We are not getting the value we expected for the price.|Hard to use, most of our users gave up.
      Outages keep affecting our operations.|We are evaluating alternatives.`),
    pt: splitList(`Muitos erros ultimamente, a equipe está frustrada.|O suporte demora dias para responder casos urgentes.
      Não estamos tendo o retorno esperado pelo preço.|Difícil de usar, a maioria dos usuários desistiu.
      As instabilidades continuam afetando nossa operação.|Estamos avaliando alternativas.`),
  },
};
