// The ECharts parts the dashboards and the simulation report use; imported on first chart only.
import { init, use } from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent,
  TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { init };
