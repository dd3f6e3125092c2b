/**
 * The rows the revenue timelines are built from. The SQL lives in the store (retention-revenue-repository);
 * the reports import it from here, beside the code that reads the rows.
 */
export {
  loadRetentionCompanies,
  loadRetentionDeals,
  type RetentionCompanyRow,
  type RetentionDealRow,
} from '../../store/repositories/retention-revenue-repository.ts';
