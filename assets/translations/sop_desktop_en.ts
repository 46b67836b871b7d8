<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FormWindow</name>
    <message numerus="yes">
        <source>%n questions need an answer or a change.</source>
        <translation>
            <numerusform>%n question needs an answer or a change.</numerusform>
            <numerusform>%n questions need an answer or a change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstrumentsDialog</name>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n completed</numerusform>
            <numerusform>%n completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drafts</source>
        <translation>
            <numerusform>%n draft</numerusform>
            <numerusform>%n drafts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KitsPanel</name>
    <message numerus="yes">
        <source>Not ready: %n files missing ({0})</source>
        <translation>
            <numerusform>Not ready: %n file missing ({0})</numerusform>
            <numerusform>Not ready: %n files missing ({0})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryTransfer</name>
    <message numerus="yes">
        <source>%n files are not on this laptop and were left out; the other laptop downloads them when they are opened.</source>
        <translation>
            <numerusform>%n file is not on this laptop and was left out; the other laptop downloads it when it is opened.</numerusform>
            <numerusform>%n files are not on this laptop and were left out; the other laptop downloads them when they are opened.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n resources</source>
        <translation>
            <numerusform>%n resource</numerusform>
            <numerusform>%n resources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n results</source>
        <translation>
            <numerusform>about %n result</numerusform>
            <numerusform>about %n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintReport</name>
    <message numerus="yes">
        <source>Printed %n pages.</source>
        <translation>
            <numerusform>Printed %n page.</numerusform>
            <numerusform>Printed %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message numerus="yes">
        <source>(+%n other word(s))</source>
        <translation>
            <numerusform>(+%n other word)</numerusform>
            <numerusform>(+%n other words)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowInstruments</name>
    <message numerus="yes">
        <source>Wrote %n files into {0}.</source>
        <translation>
            <numerusform>Wrote %n file into {0}.</numerusform>
            <numerusform>Wrote %n files into {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Everywhere</name>
    <message numerus="yes">
        <source>The whole library has %n results:</source>
        <translation>
            <numerusform>The whole library has %n result:</numerusform>
            <numerusform>The whole library has %n results:</numerusform>
        </translation>
    </message>
</context>
</TS>
