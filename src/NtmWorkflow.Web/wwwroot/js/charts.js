// Turns annotated data tables into charts; the table stays, for screen readers and print (docs/procedure-report.md):
// <table data-chart="bar|doughnut|line" data-chart-title="…">, the first column the category labels, each
// <th data-series> a series column whose body cells give their number in data-value (else their text).
(function () {
    var palette = ["#1f6f43", "#c27c0e", "#2f5d9e", "#a23b3b", "#6b4c9a", "#3c8d8d", "#7a7a2a"];

    function number(cell) {
        var text = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
        var value = parseFloat(String(text).trim());
        return isNaN(value) ? null : value;
    }

    function chart(table) {
        var type = table.getAttribute("data-chart");
        var title = table.getAttribute("data-chart-title") || "";
        var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
        var series = headers
            .map(function (th, index) { return { th: th, index: index }; })
            .filter(function (column) { return column.th.hasAttribute("data-series"); });
        var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
        if (series.length === 0 || rows.length === 0) {
            return;
        }
        var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
        var datasets = series.map(function (column, n) {
            return {
                label: column.th.textContent.trim(),
                data: rows.map(function (row) { return row.cells[column.index] ? number(row.cells[column.index]) : null; }),
                backgroundColor: type === "doughnut" ? palette : palette[n % palette.length],
                borderColor: type === "line" ? palette[n % palette.length] : undefined
            };
        });
        var figure = document.createElement("figure");
        figure.className = "chart";
        var canvas = document.createElement("canvas");
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", title);
        figure.appendChild(canvas);
        table.parentNode.insertBefore(figure, table);
        new window.Chart(canvas, {
            type: type,
            data: { labels: labels, datasets: datasets },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { title: { display: title.length > 0, text: title }, legend: { display: datasets.length > 1 || type === "doughnut" } },
                scales: type === "doughnut" ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
    }

    if (window.Chart) {
        Array.prototype.forEach.call(document.querySelectorAll("table[data-chart]"), chart);
    }
})();
