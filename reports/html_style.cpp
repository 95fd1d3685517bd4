#include "reports/html_style.hpp"

namespace amable::reports {

std::string_view score_colour(std::optional<int> score) {
  if (!score) return "#6e7781";
  return *score >= 90 ? "#1a7f37" : *score >= 50 ? "#9a6700" : "#c62828";
}

std::string_view html_css() {
  static constexpr std::string_view k_css = R"(
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
main{max-width:960px;margin:0 auto;padding:24px 16px}
a{color:#0550ae}
h1{font-size:26px;line-height:1.25;margin:0 0 4px;overflow-wrap:anywhere}
h2{font-size:19px;margin:28px 0 10px}
p{margin:6px 0}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:13px;font-weight:600;color:#57606a;margin:0}
.muted{color:#57606a}.small{font-size:14px}
.grade{font-size:19px;font-weight:650;margin-top:8px}
header.top{display:flex;flex-wrap:wrap;gap:16px 24px;align-items:center;background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:20px}
header.top .who{flex:1 1 260px;min-width:0}
.gauge{width:128px;height:128px;flex:0 0 auto}
section.card{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:12px 16px;margin:12px 0}
section.card h2{margin:4px 0 8px}
section.first ol{margin:4px 0;padding-left:22px}section.first li{margin:4px 0}
table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top;overflow-wrap:anywhere}
th{font-weight:600}.cats th{width:1%;white-space:nowrap;overflow-wrap:normal}.num{text-align:right;white-space:nowrap}
.bar{display:inline-block;width:min(160px,30vw);height:10px;background:#eaeef2;border-radius:5px;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%}
.badge{display:inline-block;min-width:52px;text-align:center;border-radius:4px;padding:1px 6px;font-size:13px;font-weight:700;color:#fff;flex:0 0 auto}
.badge.pass{background:#1a7f37}.badge.warn{background:#8a5300}.badge.fail{background:#c62828}.badge.na{background:#59636e}
details.rule{background:#fff;border:1px solid #d0d7de;border-left-width:5px;border-radius:8px;margin:8px 0}
details.rule.fail{border-left-color:#c62828}details.rule.warn{border-left-color:#8a5300}details.rule.pass{border-left-color:#1a7f37}
details.rule summary{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:baseline;padding:10px 14px;cursor:pointer;list-style:none}
details.rule summary::-webkit-details-marker{display:none}
details.rule summary::before{content:"\25B8";color:#57606a;flex:0 0 auto}
details.rule[open] summary::before{content:"\25BE"}
details.rule summary .title{flex:1 1 220px;min-width:0;font-weight:600;overflow-wrap:anywhere}
details.rule summary .score{white-space:nowrap;color:#57606a;font-variant-numeric:tabular-nums}
details.rule .body{padding:0 14px 12px}
.fix{background:#eef6ff;border-left:4px solid #0550ae;padding:8px 12px;margin:10px 0}
.note{font-size:15px}
.cap{background:#fff8e1;border-left:4px solid #8a5300;padding:6px 12px;margin:8px 0}
.gate{background:#ffebe9;border-left:4px solid #c62828;padding:6px 12px;margin:8px 0}
blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid #d0d7de;color:#3d444d;overflow-wrap:anywhere}
ul.findings{padding-left:20px}ul.findings li{margin:6px 0;overflow-wrap:anywhere}
code{overflow-wrap:anywhere;font-size:14px}
dl{margin:0}dt{font-weight:600;margin-top:6px}dd{margin:0 0 4px}
footer{margin:24px 0;color:#57606a;font-size:13px}
@media (max-width:480px){
  main{padding:12px 10px}
  header.top{padding:14px}
  .gauge{width:96px;height:96px}
  h1{font-size:22px}
  .pages td:nth-child(3),.pages th:nth-child(3){display:none}
}
@media print{
  body{background:#fff;font-size:11pt}
  main{max-width:none;padding:0}
  a{color:#000;text-decoration:none}
  header.top,section.first{break-inside:avoid}
  h2,summary{break-after:avoid}
  details.rule{break-inside:auto;border-color:#999}
  details.rule::details-content{content-visibility:visible;display:block}
  details.rule .body{display:block}
  section.pages{font-size:9pt}
}
)";
  return k_css;
}

}  // namespace amable::reports
