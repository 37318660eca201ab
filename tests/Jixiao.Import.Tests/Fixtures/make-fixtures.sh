#!/usr/bin/env bash
# Makes the binary fixtures (.xls, .xlsx, .docx, .pdf) from the hand-written pages beside this script with
# Debian's LibreOffice (apt-get install libreoffice-calc-nogui libreoffice-writer-nogui). The results
# are committed; the tests do not need LibreOffice. Run it again after changing a page.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for page in summary forms indicator-rows self-evaluation department-wide transfer prose; do
  soffice --headless -env:UserInstallation="file://$work/profile" --infilter="HTML (StarCalc)" --convert-to xls --outdir "$work" "$page.html" >/dev/null
  soffice --headless -env:UserInstallation="file://$work/profile" --infilter="HTML (StarCalc)" --convert-to xlsx --outdir "$work" "$page.html" >/dev/null
  soffice --headless -env:UserInstallation="file://$work/profile" --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$page.html" >/dev/null
  soffice --headless -env:UserInstallation="file://$work/profile" --convert-to pdf --outdir "$work" "$work/$page.docx" >/dev/null
  cp "$work/$page.xls" "$work/$page.xlsx" "$work/$page.docx" "$work/$page.pdf" .
done
echo "made: $(ls *.xls *.xlsx *.docx *.pdf | tr '\n' ' ')"
