// Apache ECharts, loaded on first use with only the chart types the pages draw.

let loading = null;

function echarts() {
  loading ??= import('./echarts-setup.js');
  return loading;
}

/**
 * Draws an ECharts option into a fresh element and returns the element at once; the chart marks
 * it data-rendered="true" when drawn (browser tests wait for that).
 */
export function chart(testid, option, { height = 280 } = {}) {
  const box = document.createElement('div');
  box.className = 'chart';
  box.dataset.testid = testid;
  box.style.height = `${height}px`;
  echarts().then((core) => {
    const instance = core.init(box, null, { renderer: 'canvas' });
    instance.on('finished', () => { box.dataset.rendered = 'true'; });
    instance.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
    const resize = () => instance.resize();
    new ResizeObserver(resize).observe(box);
  });
  return box;
}
