import * as echarts from 'echarts';
import { fundingChart } from './src/modules/dashboard/charts.js';
import { frenchText } from './src/modules/dashboard/labels.js';
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
c.setOption(fundingChart({ requested: 1, secured: 1, paid: 1, byYear: [{ year: 2017, requested: 12500, secured: 8000, paid: 5000 }], budget: { forecast: 0, funded: 0, expected: 0, remaining: 0 } }, { text: frenchText, animation: false }));
console.log(c.renderToSVGString().match(/<text[^>]*>[^<]*<\/text>/g)?.map(x=>x.replace(/<[^>]+>/g,'')).join(' | '));
