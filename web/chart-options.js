// The charts' page keys (docs/LINKS.md): `logLoss` (the loss chart on a log scale),
// `lastEpochs` (the last N epochs instead of the whole run) and `regMetric` (the regression
// chart's metric: RMSE or R^2). Pure: no DOM.

/** The "last N epochs" choices (link values); absent: the whole run. */
export const CHART_WINDOWS = Object.freeze(['100', '1000', '10000']);
export const REG_METRICS = Object.freeze(['rmse', 'r2']);
export const CHART_DEFAULTS = Object.freeze({
  logLoss: false,
  lastEpochs: null,
  regMetric: 'rmse',
});

/** The metric chart's series and scale for a problem and a regMetric. */
export function metricOf(problem, regMetric) {
  if (problem !== 'regression')
    return { label: 'accuracy', names: ['trainAccuracy', 'testAccuracy'], scale: 'unit' };
  return regMetric === 'r2'
    ? { label: 'R²', names: ['trainR2', 'testR2'], scale: 'r2' }
    : { label: 'RMSE', names: ['trainRmse', 'testRmse'], scale: 'loss' };
}
