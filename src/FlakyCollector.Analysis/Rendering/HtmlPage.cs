namespace FlakyCollector.Analysis.Rendering;

/// <summary>The report's inline stylesheet and script: everything the page needs, no network.</summary>
internal static class HtmlPage
{
    public const string Style = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0 2rem 3rem; color: #1f2328; background: #fff; }
        h1 { font-size: 1.5rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; } h3 { margin-bottom: .3rem; }
        code, pre { font: 12px ui-monospace, monospace; } pre { background: #f6f8fa; padding: .5rem; overflow: auto; max-height: 20rem; }
        table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #d0d7de; padding: 2px 8px; text-align: left; }
        td.n { text-align: right; } th { background: #f6f8fa; }
        .run { margin: 1.5rem 0; } .run header { font-weight: 600; margin-bottom: .3rem; } .run header span { font-weight: 400; color: #57606a; }
        .timeline { position: relative; background: #f6f8fa; border: 1px solid #d0d7de; }
        .bar { position: absolute; height: 18px; border-radius: 3px; font-size: 11px; color: #fff; overflow: hidden; white-space: nowrap;
               text-overflow: ellipsis; padding: 0 3px; box-sizing: border-box; text-decoration: none; min-width: 3px; }
        .pass { background: #2da44e; } .fail { background: #cf222e; } .skip, .unknown { background: #8c959f; }
        .bar.flaky { outline: 2px solid #bf8700; outline-offset: -2px; }
        details.exec { margin: 2px 0; } details.exec > summary { cursor: pointer; } details.exec:target, details.exec[open] { background: #fff8c5; }
        .span-row { display: flex; align-items: center; font-size: 12px; } .span-row .name { width: 40%; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
        .span-row .track { position: relative; flex: 1; height: 12px; background: #f6f8fa; }
        .span-row .track i { position: absolute; top: 0; height: 12px; background: #54aeff; min-width: 2px; } .span-row .track i.err { background: #cf222e; }
        .kind { display: inline-block; padding: 0 6px; border-radius: 8px; color: #fff; font-size: 12px; }
        .k-timing { background: #8250df; } .k-external { background: #bc4c00; } .k-order { background: #0969da; } .k-contention { background: #9a6700; } .k-none { background: #57606a; }
        .k-race { background: #1a7f37; }
        .axis { position: relative; height: 16px; font-size: 10px; color: #57606a; border-bottom: 1px solid #d0d7de; }
        .axis .tick { position: absolute; top: 0; padding-left: 2px; border-left: 1px solid #8c959f; height: 16px; white-space: nowrap; }
        .axis .tick.end { transform: translateX(-100%); padding: 0 2px 0 0; border-left: 0; border-right: 1px solid #8c959f; }
        details.evidence { display: inline; margin-left: .4rem; } details.evidence > summary { display: inline; cursor: pointer; color: #0969da; font-size: 12px; }
        details.evidence dl { display: grid; grid-template-columns: max-content auto; gap: 0 1rem; margin: .3rem 0 .5rem 1rem; font-size: 12px; }
        details.evidence dt { color: #57606a; } details.evidence dd { margin: 0; font-variant-numeric: tabular-nums; }
        .compare { display: grid; grid-template-columns: 18% 1fr 1fr 26%; gap: 2px 8px; margin: .6rem 0 1rem; font-size: 12px; }
        .cmp-row { display: contents; } .cmp-head > span { font-weight: 600; padding-bottom: 2px; }
        .side-fail { color: #cf222e; } .side-pass { color: #1a7f37; }
        .compare .name { align-self: start; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; padding: 1px 0; }
        .compare .track { position: relative; height: 16px; background: #f6f8fa; overflow: hidden; }
        .compare .track i { position: absolute; top: 2px; height: 12px; background: #54aeff; min-width: 2px; border-radius: 2px; }
        .compare .track i.err { background: #cf222e; } .compare .track i.late { background: #bf8700; }
        .compare .track i.test-bar.fail { background: #ff8182; } .compare .track i.test-bar.pass { background: #6fdd8b; }
        .compare .track .test-end { position: absolute; top: 0; bottom: 0; width: 0; border-left: 2px dashed #1f2328; }
        .compare .diff { font-size: 11px; color: #1f2328; }
        .cmp-row[data-diff=""] .name { color: #57606a; }
        .cmp-row.d-late > .name, .cmp-row.d-error > .name, .cmp-row.d-slower > .name, .cmp-row.d-missing > .name { font-weight: 600; background: #fff8c5; }
        .mark { display: inline-block; padding: 0 5px; border-radius: 6px; color: #fff; font-size: 10px; text-transform: uppercase; }
        .m-late { background: #bf8700; } .m-error { background: #cf222e; } .m-slower { background: #8250df; } .m-missing { background: #57606a; }
        .evidence-note { display: block; margin-top: 2px; color: #57606a; }
        article.cluster { border-left: 4px solid #bf8700; padding-left: .8rem; margin: 1rem 0; }
        .legend span { margin-right: 1rem; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
        """;

    // Clicking a bar follows its #anchor; open the matching details (and the run's list holding
    // it) so its spans and error show.
    public const string Script = """
        function openTarget() {
          var id = decodeURIComponent(location.hash.slice(1));
          var el = id && document.getElementById(id);
          if (!el || el.tagName !== 'DETAILS') return;
          for (var d = el; d; d = d.parentElement) { if (d.tagName === 'DETAILS') d.open = true; }
          el.scrollIntoView({block: 'center'});
        }
        window.addEventListener('hashchange', openTarget);
        window.addEventListener('DOMContentLoaded', openTarget);
        """;
}
