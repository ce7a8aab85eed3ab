"""Opens an .xlsx in LibreOffice (headless, through UNO, in a hidden window so the sheets have a view)
and prints, per sheet as JSON: its frozen panes, page orientation, pages wide and tall, and the rows
repeated on every printed page. Usage: python3 libreOfficeView.py <file.xlsx> (LibreOffice's Python)."""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def sheets_of(doc):
    controller = doc.getCurrentController()
    styles = doc.getStyleFamilies().getByName('PageStyles')
    out = []
    for i in range(doc.Sheets.Count):
        sheet = doc.Sheets.getByIndex(i)
        controller.setActiveSheet(sheet)
        style = styles.getByName(sheet.PageStyle)
        titles = sheet.TitleRows
        out.append({
            'name': sheet.Name,
            'frozen': bool(controller.hasFrozenPanes()),
            'frozenRows': controller.SplitRow,
            'frozenColumns': controller.SplitColumn,
            'landscape': bool(style.IsLandscape),
            'pagesWide': style.ScaleToPagesX,
            'pagesTall': style.ScaleToPagesY,
            # 1-based sheet rows, as a user reads them in the print dialog
            'repeatedRows': [titles.StartRow + 1, titles.EndRow + 1] if sheet.PrintTitleRows else None,
        })
    return out


def main(path):
    profile = tempfile.mkdtemp(prefix='pa-uno-profile-')
    pipe = 'pa_uno_%d' % os.getpid()
    office = subprocess.Popen(['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--invisible', '--norestore',
                               '--nologo', '--accept=pipe,name=%s;urp;' % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise RuntimeError('LibreOffice did not start')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), '_blank', 0, (prop('Hidden', True),))
        try:
            print(json.dumps(sheets_of(doc)))
        finally:
            doc.close(True)
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except Exception:
            office.kill()


main(sys.argv[1])
