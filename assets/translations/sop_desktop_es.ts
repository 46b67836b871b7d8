<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>App</name>
    <message>
        <source>SOP Desktop closed unexpectedly</source>
        <translation>SOP Desktop se cerró de forma inesperada</translation>
    </message>
    <message>
        <source>SOP Desktop closed unexpectedly the last time it was used. Your library is safe. If it happens again, give this report to your IT support:
{0}</source>
        <translation>SOP Desktop se cerró de forma inesperada la última vez que se usó. Su biblioteca está a salvo. Si vuelve a ocurrir, entregue este informe a su soporte informático:
{0}</translation>
    </message>
    <message>
        <source>Waiting for another program (a sync or an import from the command line) to finish with the library…</source>
        <translation>Esperando a que otro programa (una sincronización o una importación desde la línea de comandos) termine con la biblioteca…</translation>
    </message>
    <message>
        <source>The library in {0} is being updated by another program (a sync or an import from the command line). Try again when it has finished.</source>
        <translation>Otro programa está actualizando la biblioteca en {0} (una sincronización o una importación desde la línea de comandos). Vuelva a intentarlo cuando termine.</translation>
    </message>
</context>
<context>
    <name>AudienceScreen</name>
    <message>
        <source>SOP Desktop: presentation</source>
        <translation>SOP Desktop: presentación</translation>
    </message>
    <message>
        <source>Blank screen</source>
        <translation>Pantalla en negro</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Practice elements and audiences</source>
        <translation>Elementos de práctica y destinatarios</translation>
    </message>
    <message>
        <source>Other languages</source>
        <translation>Otros idiomas</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Add to &amp;favorites</source>
        <translation>Añadir a &amp;favoritos</translation>
    </message>
    <message>
        <source>Add to favorites</source>
        <translation>Añadir a favoritos</translation>
    </message>
    <message>
        <source>&amp;Keep on laptop</source>
        <translation>&amp;Mantener en este equipo</translation>
    </message>
    <message>
        <source>Keep on laptop</source>
        <translation>Mantener en este equipo</translation>
    </message>
    <message>
        <source>Download it if needed and keep it here, to open it with no connection</source>
        <translation>Lo descarga si hace falta y lo mantiene aquí, para abrirlo sin conexión</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <source>Present full screen</source>
        <translation>Presentar en pantalla completa</translation>
    </message>
    <message>
        <source>Full screen on the screen the room sees</source>
        <translation>A pantalla completa en la pantalla que ve la sala</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Guardar una copia…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>To print it, e-mail it or put it on a USB drive</source>
        <translation>Para imprimirlo, enviarlo por correo o copiarlo a una memoria USB</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Imp&amp;rimir…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>With its version in the other language, or in large print, for a family</source>
        <translation>Con su versión en el otro idioma, o en letra grande, para una familia</translation>
    </message>
    <message>
        <source>Feed&amp;back…</source>
        <translation>&amp;Opinión…</translation>
    </message>
    <message>
        <source>Feedback on this resource</source>
        <translation>Opinión sobre este recurso</translation>
    </message>
    <message>
        <source>Helpful, out of date, a broken file: tell the statewide team</source>
        <translation>Útil, desactualizado, un archivo dañado: dígaselo al equipo estatal</translation>
    </message>
    <message>
        <source>Choose a resource to see its details.</source>
        <translation>Elija un recurso para ver sus detalles.</translation>
    </message>
    <message>
        <source>No resource chosen</source>
        <translation>Ningún recurso elegido</translation>
    </message>
    <message>
        <source>updated {0}</source>
        <translation>actualizado el {0}</translation>
    </message>
    <message>
        <source>Practice elements: {0}</source>
        <translation>Elementos de práctica: {0}</translation>
    </message>
    <message>
        <source>For: {0}</source>
        <translation>Para: {0}</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>captions</source>
        <translation>subtítulos</translation>
    </message>
    <message>
        <source>searchable text</source>
        <translation>texto para búsqueda</translation>
    </message>
    <message>
        <source>thumbnail</source>
        <translation>miniatura</translation>
    </message>
    <message>
        <source>PDF copy to read and print here</source>
        <translation>copia en PDF para leer e imprimir aquí</translation>
    </message>
    <message>
        <source>on this laptop</source>
        <translation>en este equipo</translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation>aún sin descargar</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>Remove from &amp;favorites</source>
        <translation>Quitar de &amp;favoritos</translation>
    </message>
    <message>
        <source>Kept on laptop</source>
        <translation>Se mantiene en este equipo</translation>
    </message>
    <message>
        <source>&amp;Keep on laptop ({0})</source>
        <translation>&amp;Mantener en este equipo ({0})</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The catalog</source>
        <translation>El catálogo</translation>
    </message>
    <message>
        <source>Resource number {number}</source>
        <translation>El recurso número {number}</translation>
    </message>
    <message>
        <source>Resource {id!r}</source>
        <translation>El recurso {id!r}</translation>
    </message>
    <message>
        <source>{where}, file {name!r}</source>
        <translation>{where}, archivo {name!r}</translation>
    </message>
    <message>
        <source>Kit number {number}</source>
        <translation>El kit número {number}</translation>
    </message>
    <message>
        <source>Kit {id!r}</source>
        <translation>El kit {id!r}</translation>
    </message>
    <message>
        <source>Term number {number}</source>
        <translation>El término número {number}</translation>
    </message>
    <message>
        <source>Report term number {number}</source>
        <translation>El término de informe número {number}</translation>
    </message>
    <message>
        <source>Rendition number {number}</source>
        <translation>La copia en PDF número {number}</translation>
    </message>
    <message>
        <source>The rendition of {id!r}</source>
        <translation>La copia en PDF de {id!r}</translation>
    </message>
    <message>
        <source>Instrument number {number}</source>
        <translation>El instrumento número {number}</translation>
    </message>
    <message>
        <source>Instrument {id!r}</source>
        <translation>El instrumento {id!r}</translation>
    </message>
    <message>
        <source>The catalog&apos;s search index</source>
        <translation>El índice de búsqueda del catálogo</translation>
    </message>
    <message>
        <source>{where} is not an object.</source>
        <translation>{where} no es un objeto.</translation>
    </message>
    <message>
        <source>{where} has no {name!r} text.</source>
        <translation>{where} no tiene el texto {name!r}.</translation>
    </message>
    <message>
        <source>{where}: {name!r} is longer than {limit} characters.</source>
        <translation>{where}: {name!r} tiene más de {limit} caracteres.</translation>
    </message>
    <message>
        <source>{where}: {name!r} is empty.</source>
        <translation>{where}: {name!r} está vacío.</translation>
    </message>
    <message>
        <source>{where}: {name!r} is not a list.</source>
        <translation>{where}: {name!r} no es una lista.</translation>
    </message>
    <message>
        <source>{where}: {name!r} has too many values.</source>
        <translation>{where}: {name!r} tiene demasiados valores.</translation>
    </message>
    <message>
        <source>{where}: {name!r} holds a value that is not short text.</source>
        <translation>{where}: {name!r} contiene un valor que no es un texto corto.</translation>
    </message>
    <message>
        <source>{where} lists too many {name}.</source>
        <translation>{where} tiene demasiadas entradas en &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>{where} names a file {value!r} that is refused: {reason}.</source>
        <translation>{where} nombra un archivo {value!r} que se rechaza: {reason}.</translation>
    </message>
    <message>
        <source>{where} has no valid catalog_id.</source>
        <translation>{where} no tiene un catalog_id válido.</translation>
    </message>
    <message>
        <source>{where} has an invalid id.</source>
        <translation>{where} tiene un identificador no válido.</translation>
    </message>
    <message>
        <source>{where} has an invalid type.</source>
        <translation>{where} tiene un tipo no válido.</translation>
    </message>
    <message>
        <source>{where} has an invalid language.</source>
        <translation>{where} tiene un idioma no válido.</translation>
    </message>
    <message>
        <source>{where} names an invalid translation.</source>
        <translation>{where} nombra una traducción no válida.</translation>
    </message>
    <message>
        <source>{where} lists no files.</source>
        <translation>{where} no incluye ningún archivo.</translation>
    </message>
    <message>
        <source>{where} has an unknown role.</source>
        <translation>{where} tiene un rol desconocido.</translation>
    </message>
    <message>
        <source>{where} has no valid SHA-256.</source>
        <translation>{where} no tiene un SHA-256 válido.</translation>
    </message>
    <message>
        <source>{where} has no valid size.</source>
        <translation>{where} no tiene un tamaño válido.</translation>
    </message>
    <message>
        <source>{where} has a media type the format does not allow.</source>
        <translation>{where} tiene un tipo de medio que el formato no permite.</translation>
    </message>
    <message>
        <source>{where} lists a file that is not an object.</source>
        <translation>{where} incluye un archivo que no es un objeto.</translation>
    </message>
    <message>
        <source>{where} is larger than the format allows ({size:,} bytes).</source>
        <translation>{where} es más grande de lo que permite el formato ({size:,} bytes).</translation>
    </message>
    <message>
        <source>{where} must have exactly one main file.</source>
        <translation>{where} debe tener exactamente un archivo principal.</translation>
    </message>
    <message>
        <source>{where} lists a search index among its files.</source>
        <translation>{where} incluye un índice de búsqueda entre sus archivos.</translation>
    </message>
    <message>
        <source>{where} lists a rendition among its files (renditions are listed apart).</source>
        <translation>{where} incluye una copia en PDF entre sus archivos (las copias en PDF se indican aparte).</translation>
    </message>
    <message>
        <source>{where} has more than one text file.</source>
        <translation>{where} tiene más de un archivo de texto.</translation>
    </message>
    <message>
        <source>{where} has a text file of the wrong media type.</source>
        <translation>{where} tiene un archivo de texto con un tipo de medio incorrecto.</translation>
    </message>
    <message>
        <source>The catalog&apos;s manifest is not a JSON object.</source>
        <translation>El manifiesto del catálogo no es un objeto JSON.</translation>
    </message>
    <message>
        <source>This file is not an SOP catalog manifest.</source>
        <translation>Este archivo no es un manifiesto de catálogo SOP.</translation>
    </message>
    <message>
        <source>The catalog has no valid version number (a whole number from 1 to {limit:,}).</source>
        <translation>El catálogo no tiene un número de versión válido (un número entero del 1 al {limit:,}).</translation>
    </message>
    <message>
        <source>The catalog lists no resources.</source>
        <translation>El catálogo no incluye ningún recurso.</translation>
    </message>
    <message>
        <source>The catalog lists more than {limit:,} resources.</source>
        <translation>El catálogo incluye más de {limit:,} recursos.</translation>
    </message>
    <message>
        <source>The catalog lists resource {id!r} twice.</source>
        <translation>El catálogo incluye dos veces el recurso {id!r}.</translation>
    </message>
    <message>
        <source>The catalog expires before it was created.</source>
        <translation>El catálogo vence antes de la fecha en que se creó.</translation>
    </message>
    <message>
        <source>The catalog&apos;s kits are not a list.</source>
        <translation>Los kits del catálogo no son una lista.</translation>
    </message>
    <message>
        <source>The catalog lists too many kits.</source>
        <translation>El catálogo incluye demasiados kits.</translation>
    </message>
    <message>
        <source>The catalog lists kit {id!r} twice.</source>
        <translation>El catálogo incluye dos veces el kit {id!r}.</translation>
    </message>
    <message>
        <source>{where} lists no items.</source>
        <translation>{where} no incluye ningún elemento.</translation>
    </message>
    <message>
        <source>{where} lists too many items.</source>
        <translation>{where} incluye demasiados elementos.</translation>
    </message>
    <message>
        <source>{where} has an item that is not an object.</source>
        <translation>{where} tiene un elemento que no es un objeto.</translation>
    </message>
    <message>
        <source>{where} names a resource the catalog lacks: {id!r}.</source>
        <translation>{where} nombra un recurso que no está en el catálogo: {id!r}.</translation>
    </message>
    <message>
        <source>{where} has an item whose start is not a page or a second.</source>
        <translation>{where} tiene un elemento cuyo inicio no es una página ni un segundo.</translation>
    </message>
    <message>
        <source>The catalog&apos;s terms are not a list.</source>
        <translation>Los términos del catálogo no son una lista.</translation>
    </message>
    <message>
        <source>The catalog lists too many terms.</source>
        <translation>El catálogo incluye demasiados términos.</translation>
    </message>
    <message>
        <source>The catalog&apos;s renditions are not a list.</source>
        <translation>Las copias en PDF del catálogo no son una lista.</translation>
    </message>
    <message>
        <source>{where} lists an instrument among its files (instruments are listed apart).</source>
        <translation>{where} incluye un instrumento entre sus archivos (los instrumentos se indican aparte).</translation>
    </message>
    <message>
        <source>The catalog&apos;s instruments are not a list.</source>
        <translation>Los instrumentos del catálogo no son una lista.</translation>
    </message>
    <message>
        <source>The catalog lists too many instruments.</source>
        <translation>El catálogo incluye demasiados instrumentos.</translation>
    </message>
    <message>
        <source>The catalog lists instrument {id!r} twice.</source>
        <translation>El catálogo incluye dos veces el instrumento {id!r}.</translation>
    </message>
    <message>
        <source>{where} must have the role &apos;instrument&apos;.</source>
        <translation>{where} debe tener el rol &apos;instrument&apos;.</translation>
    </message>
    <message>
        <source>{where} is not a form definition.</source>
        <translation>{where} no es la definición de un formulario.</translation>
    </message>
    <message>
        <source>The catalog lists more renditions than resources.</source>
        <translation>El catálogo incluye más copias en PDF que recursos.</translation>
    </message>
    <message>
        <source>The catalog lists two renditions of {id!r}.</source>
        <translation>El catálogo incluye dos copias en PDF de {id!r}.</translation>
    </message>
    <message>
        <source>{where} must have the role &apos;rendition&apos;.</source>
        <translation>{where} debe tener el rol &apos;rendition&apos;.</translation>
    </message>
    <message>
        <source>{where} is not a PDF.</source>
        <translation>{where} no es un PDF.</translation>
    </message>
    <message>
        <source>{where} belongs to a file that is not an office document.</source>
        <translation>{where} corresponde a un archivo que no es un documento de Office.</translation>
    </message>
    <message>
        <source>The catalog&apos;s report terms are not a list.</source>
        <translation>Los términos de informe del catálogo no son una lista.</translation>
    </message>
    <message>
        <source>The catalog lists too many report terms.</source>
        <translation>El catálogo incluye demasiados términos de informe.</translation>
    </message>
    <message>
        <source>{where} must have the role &apos;index&apos;.</source>
        <translation>{where} debe tener el rol &apos;index&apos;.</translation>
    </message>
    <message>
        <source>{where} is not a tar archive.</source>
        <translation>{where} no es un archivo tar.</translation>
    </message>
    <message>
        <source>{where} has no valid schema number.</source>
        <translation>{where} no tiene un número de esquema válido.</translation>
    </message>
    <message>
        <source>{where} is not a session kit.</source>
        <translation>{where} no es un kit de sesión.</translation>
    </message>
    <message>
        <source>{where} has no valid list of items.</source>
        <translation>{where} no tiene una lista de elementos válida.</translation>
    </message>
    <message>
        <source>{where} names an invalid resource.</source>
        <translation>{where} nombra un recurso no válido.</translation>
    </message>
    <message>
        <source>{where} has a note that is not short text.</source>
        <translation>{where} tiene una nota que no es un texto corto.</translation>
    </message>
    <message>
        <source>{where} has no valid name.</source>
        <translation>{where} no tiene un nombre válido.</translation>
    </message>
    <message>
        <source>{where} has no valid id.</source>
        <translation>{where} no tiene un identificador válido.</translation>
    </message>
    <message>
        <source>creation time</source>
        <translation>La fecha de creación</translation>
    </message>
    <message>
        <source>expiry time</source>
        <translation>La fecha de vencimiento</translation>
    </message>
    <message>
        <source>last sync</source>
        <translation>La última sincronización</translation>
    </message>
    <message>
        <source>last sync attempt</source>
        <translation>El último intento de sincronización</translation>
    </message>
    <message>
        <source>The catalog&apos;s {when} is missing or not a time.</source>
        <translation>{when} del catálogo falta o no es una fecha y hora.</translation>
    </message>
    <message>
        <source>The catalog&apos;s {when} ({value!r}) is not a valid time.</source>
        <translation>{when} del catálogo ({value!r}) no es una fecha y hora válida.</translation>
    </message>
    <message>
        <source>The catalog&apos;s {when} ({value!r}) has no time zone.</source>
        <translation>{when} del catálogo ({value!r}) no tiene zona horaria.</translation>
    </message>
    <message>
        <source>The catalog&apos;s {when} ({value!r}) is out of range.</source>
        <translation>{when} del catálogo ({value!r}) está fuera del rango permitido.</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>it is longer than {limit} characters</source>
        <translation>tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>it is an absolute path</source>
        <translation>es una ruta absoluta</translation>
    </message>
    <message>
        <source>it names a Windows drive</source>
        <translation>nombra una unidad de Windows</translation>
    </message>
    <message>
        <source>it contains {character}, a character that is not allowed in file names</source>
        <translation>contiene {character}, un carácter que no se permite en los nombres de archivo</translation>
    </message>
    <message>
        <source>it steps outside its folder</source>
        <translation>sale de su carpeta</translation>
    </message>
    <message>
        <source>a part of it begins or ends with a space or a dot</source>
        <translation>una parte del nombre empieza o termina con un espacio o un punto</translation>
    </message>
    <message>
        <source>it uses a device name that Windows has reserved</source>
        <translation>usa un nombre de dispositivo que Windows tiene reservado</translation>
    </message>
    <message>
        <source>Received a web page instead of a catalog (a sign-in page or the wrong address).</source>
        <translation>Se recibió una página web en lugar de un catálogo (una página de inicio de sesión o una dirección equivocada).</translation>
    </message>
    <message>
        <source>This file is not an SOP catalog.</source>
        <translation>Este archivo no es un catálogo de SOP.</translation>
    </message>
    <message>
        <source>The catalog uses a format version this program cannot read; update SOP Desktop.</source>
        <translation>El catálogo usa una versión del formato que este programa no puede leer; actualice SOP Desktop.</translation>
    </message>
    <message>
        <source>The catalog is signed with a key this library does not trust, fingerprint {key}. If the statewide team confirms that fingerprint, trust their public key file (.pub) in Settings › Trusted keys, with sop-resources sync --trust KEY.pub, or in the machine&apos;s policy (trusted_keys).</source>
        <translation>El catálogo está firmado con una clave en la que esta biblioteca no confía, huella {key}. Si el equipo estatal confirma esa huella, confíe en su archivo de clave pública (.pub) en Configuración › Claves de confianza, con sop-resources sync --trust CLAVE.pub, o en la política del equipo (trusted_keys).</translation>
    </message>
    <message>
        <source>The catalog&apos;s signature or manifest is not valid base64.</source>
        <translation>La firma o el manifiesto del catálogo no es base64 válido.</translation>
    </message>
    <message>
        <source>The catalog&apos;s signature does not match its contents: it was altered or damaged.</source>
        <translation>La firma del catálogo no coincide con su contenido: fue alterado o está dañado.</translation>
    </message>
    <message>
        <source>{origin} is the starter key, which is trusted only for the catalog shipped with SOP Desktop, never for one from a server, share or drive.</source>
        <translation>{origin} es la clave del catálogo inicial, que solo se acepta para el catálogo que viene con SOP Desktop, nunca para uno de un servidor, una carpeta compartida o una unidad.</translation>
    </message>
    <message>
        <source>No catalog found in {folder} (it has no {file}).</source>
        <translation>No se encontró ningún catálogo en {folder} (no contiene {file}).</translation>
    </message>
    <message>
        <source>{path} is larger than the format allows.</source>
        <translation>{path} es más grande de lo que permite el formato.</translation>
    </message>
    <message>
        <source>The server&apos;s catalog is larger than the format allows.</source>
        <translation>El catálogo del servidor es más grande de lo que permite el formato.</translation>
    </message>
    <message>
        <source>The server&apos;s catalog index is larger than the format allows.</source>
        <translation>El índice del catálogo del servidor es más grande de lo que permite el formato.</translation>
    </message>
    <message>
        <source>This catalog is version {version}, older than version {highest} that this library already accepted; it was refused.</source>
        <translation>Este catálogo es la versión {version}, anterior a la versión {highest} que esta biblioteca ya aceptó; se rechazó.</translation>
    </message>
    <message>
        <source>This catalog claims version {version}, which this library already holds with different contents; it was refused.</source>
        <translation>Este catálogo dice ser la versión {version}, que esta biblioteca ya tiene con otro contenido; se rechazó.</translation>
    </message>
    <message>
        <source>This catalog expired on {date}; it may be a stale copy. Get a newer one from the server or your administrator.</source>
        <translation>Este catálogo caducó el {date}; puede ser una copia antigua. Obtenga uno más reciente del servidor o de su administrador.</translation>
    </message>
    <message>
        <source>Cannot create the library folder {root}: {reason}.</source>
        <translation>No se puede crear la carpeta de la biblioteca {root}: {reason}.</translation>
    </message>
    <message>
        <source>The library&apos;s catalog file is damaged ({reason}) Import a library from a drive, or sync, to repair it.</source>
        <translation>El archivo del catálogo de la biblioteca está dañado ({reason}). Importe una biblioteca desde una unidad, o sincronice, para repararlo.</translation>
    </message>
    <message>
        <source>{reason} The catalog on this laptop was signed by a key only the policy names, so it opens again once the policy file is fixed.</source>
        <translation>{reason} El catálogo de este portátil está firmado con una clave que solo nombra la política, así que se abrirá de nuevo cuando se corrija el archivo de política.</translation>
    </message>
    <message>
        <source>The library&apos;s catalog is signed with a key your administrator no longer trusts ({key}); sync from the server your administrator set, or ask them.</source>
        <translation>El catálogo de la biblioteca está firmado con una clave en la que su administrador ya no confía ({key}); sincronice desde el servidor que su administrador configuró, o consúltele.</translation>
    </message>
    <message>
        <source>The library&apos;s state file {path} cannot be opened: {reason}.</source>
        <translation>No se puede abrir el archivo de estado de la biblioteca {path}: {reason}.</translation>
    </message>
    <message>
        <source>The library&apos;s state file {path} is not a file (a folder or something else is in its place). Move it out of the library folder and start again.</source>
        <translation>El archivo de estado de la biblioteca {path} no es un archivo (hay una carpeta u otra cosa en su lugar). Sáquelo de la carpeta de la biblioteca y vuelva a empezar.</translation>
    </message>
    <message>
        <source>The library&apos;s state file was damaged and set aside, and the key that signed the installed catalog ({key}) was trusted only there. Sync again with --trust and that key&apos;s file, or import a library from a drive.</source>
        <translation>El archivo de estado de la biblioteca estaba dañado y se apartó, y la clave que firmó el catálogo instalado ({key}) solo era de confianza allí. Vuelva a sincronizar con --trust y el archivo de esa clave, o importe una biblioteca desde una unidad.</translation>
    </message>
    <message>
        <source>Another SOP Desktop program is using the library in {root} (the desktop program, or another sync or import). Close it or wait for it to finish, then try again; --wait SECONDS waits for it.</source>
        <translation>Otro programa de SOP Desktop está usando la biblioteca en {root} (el programa de escritorio, u otra sincronización o importación). Ciérrelo o espere a que termine y vuelva a intentarlo; --wait SEGUNDOS espera por él.</translation>
    </message>
    <message>
        <source>There is no catalog in {root} to verify.</source>
        <translation>No hay ningún catálogo en {root} que verificar.</translation>
    </message>
    <message>
        <source>There is no catalog installed yet; sync first.</source>
        <translation>Todavía no hay ningún catálogo instalado; sincronice primero.</translation>
    </message>
    <message>
        <source>No resource with id {id!r} in this library.</source>
        <translation>No hay ningún recurso con el identificador {id!r} en esta biblioteca.</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>No se pudo escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>The library folder could not be written ({reason}).</source>
        <translation>No se pudo escribir en la carpeta de la biblioteca ({reason}).</translation>
    </message>
    <message>
        <source>The disk holding the library is full. What this sync had downloaded was removed again; free some space and sync again.</source>
        <translation>El disco de la biblioteca está lleno. Lo que esta sincronización había descargado se eliminó; libere espacio y vuelva a sincronizar.</translation>
    </message>
    <message>
        <source>Usage reports were not delivered: the reports address moved (the server answered {status} with another address). They wait on this laptop; ask your administrator to correct reports_url in the policy.</source>
        <translation>Los informes de uso no se entregaron: la dirección de los informes cambió (el servidor respondió {status} con otra dirección). Esperan en este equipo; pida a su administrador que corrija reports_url en la política.</translation>
    </message>
    <message>
        <source>Usage reports were not delivered: {reason}. They wait on this laptop for the next sync.</source>
        <translation>Los informes de uso no se entregaron: {reason}. Esperan en este equipo hasta la próxima sincronización.</translation>
    </message>
    <message>
        <source>Usage reports were not delivered: the reports server did not accept this county&apos;s user name and password (401). They wait on this laptop; ask your administrator to check reports_user and reports_password in the policy.</source>
        <translation>Los informes de uso no se entregaron: el servidor de informes no aceptó el nombre de usuario y la contraseña de este condado (401). Esperan en este equipo; pida a su administrador que revise reports_user y reports_password en la política.</translation>
    </message>
    <message>
        <source>Usage reports were not delivered: the reports server refused them (403), as it does for a county writing outside its own folder. They wait on this laptop; ask your administrator to check county and reports_user in the policy.</source>
        <translation>Los informes de uso no se entregaron: el servidor de informes los rechazó (403), como hace cuando un condado escribe fuera de su propia carpeta. Esperan en este equipo; pida a su administrador que revise county y reports_user en la política.</translation>
    </message>
    <message>
        <source>Usage reports were not sent: {url} begins with http://, so the county&apos;s password would cross the network unencrypted. They wait on this laptop; ask your administrator for an https:// reports_url.</source>
        <translation>Los informes de uso no se enviaron: {url} empieza por http://, así que la contraseña del condado cruzaría la red sin cifrar. Esperan en este equipo; pida a su administrador una reports_url con https://.</translation>
    </message>
    <message>
        <source>Usage reports were delivered, but could not be recorded as sent on this laptop ({reason}): they stay waiting and go again at the next sync, and the server keeps one copy of each.</source>
        <translation>Los informes de uso se entregaron, pero no se pudo anotar en este equipo que se enviaron ({reason}): siguen esperando y se envían de nuevo en la próxima sincronización, y el servidor guarda una sola copia de cada uno.</translation>
    </message>
    <message>
        <source>The reports were written, but could not be recorded as sent on this laptop ({reason}): the next export writes them again, and the statewide summary counts each once.</source>
        <translation>Los informes se escribieron, pero no se pudo anotar en este equipo que se enviaron ({reason}): la próxima exportación los escribe de nuevo, y el resumen estatal cuenta cada uno una sola vez.</translation>
    </message>
    <message>
        <source>Usage reports were not delivered: the program was closed while sending them. They wait on this laptop for the next sync.</source>
        <translation>Los informes de uso no se entregaron: el programa se cerró mientras se enviaban. Esperan en este equipo hasta la próxima sincronización.</translation>
    </message>
    <message>
        <source>Usage reports were not delivered: the reports server did not answer within {seconds} seconds. They wait on this laptop for the next sync.</source>
        <translation>Los informes de uso no se entregaron: el servidor de informes no respondió en {seconds} segundos. Esperan en este equipo hasta la próxima sincronización.</translation>
    </message>
    <message>
        <source>The policy file {path} cannot be used: {reason}. No policy applies until it is fixed.</source>
        <translation>No se puede usar el archivo de política {path}: {reason}. No se aplica ninguna política hasta que se corrija.</translation>
    </message>
    <message>
        <source>The policy file {path} cannot be used: {reason}. The last valid policy (read {read_at}) applies until it is fixed.</source>
        <translation>No se puede usar el archivo de política {path}: {reason}. Se aplica la última política válida (leída el {read_at}) hasta que se corrija.</translation>
    </message>
    <message>
        <source>The policy file {path} has {count} problem(s), named below: the last valid policy (read {read_at}) applies until they are fixed.</source>
        <translation>El archivo de política {path} tiene {count} problema(s), nombrados abajo: se aplica la última política válida (leída el {read_at}) hasta que se corrijan.</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>it cannot be read ({reason})</source>
        <translation>no se puede leer ({reason})</translation>
    </message>
    <message>
        <source>it does not hold a table of settings</source>
        <translation>no contiene una tabla de configuraciones</translation>
    </message>
    <message>
        <source>{path}: {key} has a value of the wrong kind; ignored.</source>
        <translation>{path}: {key} tiene un valor de tipo incorrecto; se ignoró.</translation>
    </message>
    <message>
        <source>{path}: {key} cannot be negative; ignored.</source>
        <translation>{path}: {key} no puede ser negativo; se ignoró.</translation>
    </message>
    <message>
        <source>{path}: unknown key {key!r} ignored.</source>
        <translation>{path}: se ignoró la clave desconocida {key!r}.</translation>
    </message>
    <message>
        <source>{path}: key {key!r} is given twice in one table; only the last one is read.</source>
        <translation>{path}: la clave {key!r} aparece dos veces en una misma tabla; solo se lee la última.</translation>
    </message>
    <message>
        <source>{path}: &apos;settings&apos; must be a table; ignored.</source>
        <translation>{path}: &apos;settings&apos; debe ser una tabla; se ignoró.</translation>
    </message>
    <message>
        <source>{path}: &apos;locked&apos; must be a list of setting names; ignored.</source>
        <translation>{path}: &apos;locked&apos; debe ser una lista de nombres de opciones de configuración; se ignoró.</translation>
    </message>
    <message>
        <source>{path}: cannot lock unknown setting {name!r}.</source>
        <translation>{path}: no se puede bloquear la opción desconocida {name!r}.</translation>
    </message>
    <message>
        <source>{path}: {key} {value!r} is not a valid web address (http:// or https://, a machine&apos;s name, a port from 1 to 65535); ignored.</source>
        <translation>{path}: {key} {value!r} no es una dirección web válida (http:// o https://, el nombre de un equipo, un puerto del 1 al 65535); se ignora.</translation>
    </message>
    <message>
        <source>the last valid policy kept in {kept}</source>
        <translation>la última política válida guardada en {kept}</translation>
    </message>
    <message>
        <source>{path}, line {line}</source>
        <translation>{path}, línea {line}</translation>
    </message>
    <message>
        <source>{where}: trusted_keys must be a list of public keys (PEM texts); ignored.</source>
        <translation>{where}: trusted_keys debe ser una lista de claves públicas (textos PEM); se ignora.</translation>
    </message>
    <message>
        <source>{where}: key {number} of trusted_keys is not a public key in PEM form (a character missing, added or changed?); ignored.</source>
        <translation>{where}: la clave {number} de trusted_keys no es una clave pública en formato PEM (¿falta, sobra o cambió un carácter?); se ignora.</translation>
    </message>
    <message>
        <source>{path}: until trusted_keys is fixed, no new catalog signed by a key only the policy names is accepted; the catalog installed stays readable.</source>
        <translation>{path}: hasta que se corrija trusted_keys, no se acepta ningún catálogo nuevo firmado con una clave que solo nombra la política; el catálogo instalado sigue legible.</translation>
    </message>
    <message>
        <source>{path}: until its problems are fixed, a key it does not name is not taken as withdrawn: the catalog installed stays readable, and no new catalog signed by a key only a policy named is accepted.</source>
        <translation>{path}: hasta que se corrijan sus problemas, una clave que no nombra no se considera retirada: el catálogo instalado sigue legible y no se acepta ningún catálogo nuevo firmado con una clave que solo nombraba una política.</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>{path} could not be read ({reason}); using defaults.</source>
        <translation>No se pudo leer {path} ({reason}); se usan los valores predeterminados.</translation>
    </message>
    <message>
        <source>Your settings file {path} is damaged ({reason}), so the built-in settings apply. Saving settings keeps the damaged file aside in the set-aside folder beside it.</source>
        <translation>Su archivo de configuración {path} está dañado ({reason}), así que se aplica la configuración predeterminada. Al guardar la configuración, el archivo dañado se conserva aparte en la carpeta set-aside que está a su lado.</translation>
    </message>
    <message>
        <source>unknown setting {name!r} ignored.</source>
        <translation>se ignoró la opción desconocida {name!r}.</translation>
    </message>
    <message>
        <source>trusted_keys must be a list of PEM texts; ignored.</source>
        <translation>trusted_keys debe ser una lista de textos PEM; se ignoró.</translation>
    </message>
    <message>
        <source>trusted_keys holds text that is not a public key in PEM form (entry {numbers}: a character missing, added or changed?); ignored, the other keys are trusted.</source>
        <translation>trusted_keys contiene texto que no es una clave pública en formato PEM (entrada {numbers}: ¿falta, sobra o cambió un carácter?); se ignora, las demás claves son de confianza.</translation>
    </message>
    <message>
        <source>download_policy must be one of {choices}; ignored.</source>
        <translation>download_policy debe ser uno de estos valores: {choices}; se ignoró.</translation>
    </message>
    <message>
        <source>interface_language must be &apos;en&apos;, &apos;es&apos; or empty (the system&apos;s); ignored.</source>
        <translation>interface_language debe ser &apos;en&apos;, &apos;es&apos; o estar vacío (el idioma del sistema); se ignoró.</translation>
    </message>
    <message>
        <source>{name} must be an address beginning http:// or https://; {value!r} is not; ignored.</source>
        <translation>{name} debe ser una dirección que empiece con http:// o https://; {value!r} no lo es; se ignoró.</translation>
    </message>
    <message>
        <source>{name} must be an address beginning http:// or https:// or socks5:// or socks5h://; {value!r} is not; ignored.</source>
        <translation>{name} debe ser una dirección que empiece con http://, https://, socks5:// o socks5h://; {value!r} no lo es; se ignoró.</translation>
    </message>
    <message>
        <source>appearance must be &apos;light&apos;, &apos;dark&apos;, &apos;high_contrast&apos; or empty; ignored.</source>
        <translation>appearance debe ser &apos;light&apos;, &apos;dark&apos;, &apos;high_contrast&apos; o estar vacío; se ignoró.</translation>
    </message>
    <message>
        <source>download_limit_mb must be a whole number of megabytes; ignored.</source>
        <translation>download_limit_mb debe ser un número entero de megabytes; se ignoró.</translation>
    </message>
    <message>
        <source>{name} must be text; ignored.</source>
        <translation>{name} debe ser texto; se ignoró.</translation>
    </message>
    <message>
        <source>line {line} is not valid {language}</source>
        <translation>la línea {line} no es {language} válido</translation>
    </message>
    <message>
        <source>it is not valid {language}</source>
        <translation>no es {language} válido</translation>
    </message>
    <message>
        <source>line {line} is not UTF-8 text</source>
        <translation>la línea {line} no es texto UTF-8</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>it is larger than allowed</source>
        <translation>es más grande de lo permitido</translation>
    </message>
    <message>
        <source>it is nested more deeply than allowed</source>
        <translation>está anidado a más profundidad de lo permitido</translation>
    </message>
    <message>
        <source>it holds a number larger than allowed</source>
        <translation>contiene un número más grande de lo permitido</translation>
    </message>
    <message>
        <source>it holds a value that is not a finite number (NaN, Infinity, or 1e400)</source>
        <translation>contiene un valor que no es un número finito (NaN, Infinity o 1e400)</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>There is no catalog in {root} to export.</source>
        <translation>No hay ningún catálogo en {root} que exportar.</translation>
    </message>
    <message>
        <source>This library holds only the starter catalog, which comes with every installation; sync from the server first, then export.</source>
        <translation>Esta biblioteca solo tiene el catálogo inicial, que viene con cada instalación; sincronice primero con el servidor y luego exporte.</translation>
    </message>
    <message>
        <source>{out} is not empty and holds no catalog; choose an empty folder so nothing of yours is overwritten.</source>
        <translation>{out} no está vacía y no contiene ningún catálogo; elija una carpeta vacía para no sobrescribir nada suyo.</translation>
    </message>
    <message>
        <source>Could not write the bundle to {out}: {reason}. The library is unchanged.</source>
        <translation>No se pudo escribir el paquete en {out}: {reason}. La biblioteca no cambió.</translation>
    </message>
    <message>
        <source>This library&apos;s copy of {reason} Run &apos;sop-resources verify&apos; and sync to repair it; the bundle was not finished.</source>
        <translation>Copia de esta biblioteca: {reason} Ejecute &apos;sop-resources verify&apos; y sincronice para repararla; el paquete no se terminó.</translation>
    </message>
    <message>
        <source>The bundle lacks {name!r}, which the catalog requires; the library was not changed.</source>
        <translation>Al paquete le falta {name!r}, que el catálogo requiere; la biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>{name!r} in the bundle is {size:,} bytes, not the {declared:,} the catalog declares; the library was not changed.</source>
        <translation>{name!r} en el paquete tiene {size:,} bytes, no los {declared:,} que declara el catálogo; la biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>{name!r} in the bundle cannot be read ({reason}); the library was not changed.</source>
        <translation>No se puede leer {name!r} en el paquete ({reason}); la biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>{count} required files are missing (first: {name!r}); the library was not changed.</source>
        <translation>Faltan {count} archivos necesarios (el primero: {name!r}); la biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>{name} is not on this laptop yet; download it first.</source>
        <translation>{name} todavía no está en esta computadora; descárguelo primero.</translation>
    </message>
    <message>
        <source>The library&apos;s copy of {name} is damaged, so it was not saved. Sync, or run a check of the library, to repair it.</source>
        <translation>La copia de {name} en la biblioteca está dañada, así que no se guardó. Sincronice o revise la biblioteca para repararla.</translation>
    </message>
    <message>
        <source>The library&apos;s copy of {name} is damaged, so it was not opened. Sync, or run a check of the library, to repair it.</source>
        <translation>La copia de {name} en la biblioteca está dañada, así que no se abrió. Sincronice o revise la biblioteca para repararla.</translation>
    </message>
    <message>
        <source>{name!r} is larger than the catalog declares ({size:,} bytes instead of {declared:,}).</source>
        <translation>{name!r} es más grande de lo que declara el catálogo ({size:,} bytes en lugar de {declared:,}).</translation>
    </message>
    <message>
        <source>{name!r} is smaller than the catalog declares ({size:,} bytes instead of {declared:,}).</source>
        <translation>{name!r} es más pequeño de lo que declara el catálogo ({size:,} bytes en lugar de {declared:,}).</translation>
    </message>
    <message>
        <source>{name!r} does not match its SHA-256: it was altered or damaged.</source>
        <translation>{name!r} no coincide con su SHA-256: fue alterado o está dañado.</translation>
    </message>
    <message>
        <source>The captions file {name} cannot be shown: it is not valid WebVTT.</source>
        <translation>No se puede mostrar el archivo de subtítulos {name}: no es WebVTT válido.</translation>
    </message>
    <message>
        <source>The captions file {name} cannot be read ({reason}).</source>
        <translation>No se puede leer el archivo de subtítulos {name} ({reason}).</translation>
    </message>
    <message>
        <source>{count} files of the kit are not on this laptop; make the kit available offline first. {first}</source>
        <translation>{count} archivos del kit no están en esta computadora; primero haga que el kit esté disponible sin conexión. {first}</translation>
    </message>
    <message>
        <source>{title!r}: {name} ({size:,} bytes) is not on this laptop.</source>
        <translation>{title!r}: {name} ({size:,} bytes) no está en esta computadora.</translation>
    </message>
    <message>
        <source>{id!r} is not in this library&apos;s catalog (sync first).</source>
        <translation>{id!r} no está en el catálogo de esta biblioteca (sincronice primero).</translation>
    </message>
    <message>
        <source>{out} is not empty; choose an empty folder for the kit.</source>
        <translation>{out} no está vacía; elija una carpeta vacía para el kit.</translation>
    </message>
    <message>
        <source>The library&apos;s copy of {name} is damaged, so the kit was not exported. Sync, or run a check of the library, to repair it.</source>
        <translation>La copia de {name} en la biblioteca está dañada, así que el kit no se exportó. Sincronice o revise la biblioteca para repararla.</translation>
    </message>
    <message>
        <source>{file} is not a readable kit file ({reason}).</source>
        <translation>{file} no es un archivo de kit legible ({reason}).</translation>
    </message>
    <message>
        <source>{file} is not a session kit (it has no {member}).</source>
        <translation>{file} no es un kit de sesión (no contiene {member}).</translation>
    </message>
    <message>
        <source>{file}: {member} is larger than the format allows.</source>
        <translation>{file}: {member} es más grande de lo que permite el formato.</translation>
    </message>
    <message>
        <source>{file}: {member} cannot be read ({reason}).</source>
        <translation>{file}: no se puede leer {member} ({reason}).</translation>
    </message>
    <message>
        <source>The kit lacks {name!r}; nothing was imported.</source>
        <translation>Al kit le falta {name!r}; no se importó nada.</translation>
    </message>
    <message>
        <source>{name!r} in the kit is {size:,} bytes, not the {declared:,} its catalog declares; nothing was imported.</source>
        <translation>{name!r} en el kit tiene {size:,} bytes, no los {declared:,} que declara su catálogo; no se importó nada.</translation>
    </message>
    <message>
        <source>{name!r} in the kit cannot be read ({reason}).</source>
        <translation>No se puede leer {name!r} en el kit ({reason}).</translation>
    </message>
    <message>
        <source>There is no kit {id!r}.</source>
        <translation>No existe el kit {id!r}.</translation>
    </message>
    <message>
        <source>The kit {id!r} cannot be read ({reason}).</source>
        <translation>No se puede leer el kit {id!r} ({reason}).</translation>
    </message>
    <message>
        <source>The instrument {form!r} cannot be used ({reason}); sync again, or tell the content team.</source>
        <translation>El instrumento {form!r} no se puede usar ({reason}); sincronice de nuevo o avise al equipo de contenidos.</translation>
    </message>
    <message>
        <source>The saved answers in {path} cannot be read ({reason}); they were left as they are.</source>
        <translation>Las respuestas guardadas en {path} no se pueden leer ({reason}); se dejaron como estaban.</translation>
    </message>
    <message>
        <source>The instrument has no question {name!r}.</source>
        <translation>El instrumento no tiene la pregunta {name!r}.</translation>
    </message>
    <message>
        <source>it is larger than a response can be</source>
        <translation>es más grande de lo que puede ser una respuesta</translation>
    </message>
    <message>
        <source>it is not complete JSON</source>
        <translation>no es un JSON completo</translation>
    </message>
    <message>
        <source>it is not a saved response of this program</source>
        <translation>no es una respuesta guardada por este programa</translation>
    </message>
    <message>
        <source>its answers are not a mapping</source>
        <translation>sus respuestas no son una lista de claves y valores</translation>
    </message>
    <message>
        <source>a value in it is not a text</source>
        <translation>uno de sus valores no es texto</translation>
    </message>
    <message>
        <source>The exported files hold every completed response as written, text answers included: keep them where only your county&apos;s analysts can read them, and never send them by e-mail.</source>
        <translation>Los archivos exportados contienen cada respuesta completada tal como se escribió, incluidas las respuestas de texto: guárdelos donde solo los analistas de su condado puedan leerlos y nunca los envíe por correo electrónico.</translation>
    </message>
    <message>
        <source>Import cancelled; the library was not changed.</source>
        <translation>Importación cancelada; la biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>Export cancelled; the folder holds no new catalog.</source>
        <translation>Exportación cancelada; la carpeta no contiene ningún catálogo nuevo.</translation>
    </message>
    <message>
        <source>Export cancelled; no kit was written.</source>
        <translation>Exportación cancelada; no se escribió ningún kit.</translation>
    </message>
    <message>
        <source>Import cancelled; the kit was not added.</source>
        <translation>Importación cancelada; el kit no se agregó.</translation>
    </message>
    <message>
        <source>Download cancelled; what was fetched is kept.</source>
        <translation>Descarga cancelada; se conserva lo que ya se descargó.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelado; no se escribió nada.</translation>
    </message>
    <message>
        <source>Gave up waiting for the library.</source>
        <translation>Se dejó de esperar a la biblioteca.</translation>
    </message>
    <message>
        <source>The shipped search index holds an unexpected entry {name!r}.</source>
        <translation>El índice de búsqueda incluido contiene una entrada inesperada {name!r}.</translation>
    </message>
    <message>
        <source>The shipped search index cannot be read ({reason}).</source>
        <translation>No se puede leer el índice de búsqueda incluido ({reason}).</translation>
    </message>
    <message>
        <source>The shipped search index cannot be opened ({reason}).</source>
        <translation>No se puede abrir el índice de búsqueda incluido ({reason}).</translation>
    </message>
    <message>
        <source>The shipped search index holds {count} documents, not the catalog&apos;s {expected}.</source>
        <translation>El índice de búsqueda incluido tiene {count} documentos, no los {expected} del catálogo.</translation>
    </message>
    <message>
        <source>Could not reach {url}: {reason}. The library was not changed.</source>
        <translation>No se pudo conectar con {url}: {reason}. La biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>Could not get the catalog from {url}: {reason}. The library was not changed.</source>
        <translation>No se pudo obtener el catálogo de {url}: {reason}. La biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>The server at {url} sends the catalog too slowly (it stalled); the library was not changed. Try again later.</source>
        <translation>El servidor en {url} envía el catálogo demasiado despacio (se detuvo); la biblioteca no se modificó. Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>{url} is not a valid web address (it must begin http:// or https:// and name a machine, with a port from 1 to 65535): check the server address.</source>
        <translation>{url} no es una dirección web válida (debe empezar por http:// o https:// y nombrar un equipo, con un puerto del 1 al 65535): revise la dirección del servidor.</translation>
    </message>
    <message>
        <source>Nothing was sent to {url}: the address holds a user name and password but begins with http://, so they would cross the network unencrypted. Use its https:// address.</source>
        <translation>No se envió nada a {url}: la dirección contiene un nombre de usuario y una contraseña pero empieza por http://, así que cruzarían la red sin cifrar. Use su dirección https://.</translation>
    </message>
    <message>
        <source>{reason} The library was not changed.</source>
        <translation>{reason} La biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>Could not reach the server for {name!r}: {reason}.</source>
        <translation>No se pudo conectar con el servidor para {name!r}: {reason}.</translation>
    </message>
    <message>
        <source>Could not download {name!r}: {reason}.</source>
        <translation>No se pudo descargar {name!r}: {reason}.</translation>
    </message>
    <message>
        <source>The download of {name!r} was interrupted ({reason}); the next sync resumes it where it stopped.</source>
        <translation>La descarga de {name!r} se interrumpió ({reason}); la próxima sincronización la reanudará donde se detuvo.</translation>
    </message>
    <message>
        <source>The download of {name!r} stalled; the next sync resumes it where it stopped.</source>
        <translation>La descarga de {name!r} se detuvo; la próxima sincronización la reanudará donde se quedó.</translation>
    </message>
    <message>
        <source>The download of {name!r} ended early ({size:,} of {declared:,} bytes); the next sync resumes it where it stopped.</source>
        <translation>La descarga de {name!r} terminó antes de tiempo ({size:,} de {declared:,} bytes); la próxima sincronización la reanudará donde se detuvo.</translation>
    </message>
    <message>
        <source>the CA bundle {path} set in ca_bundle cannot be used ({reason}); correct ca_bundle in Settings or ask your administrator</source>
        <translation>no se puede usar el paquete de certificados de CA {path} indicado en ca_bundle ({reason}); corrija ca_bundle en Configuración o consulte a su administrador</translation>
    </message>
    <message>
        <source>the server does not have {what} at this address (404): check the server address in Settings, or the catalog is not published there yet</source>
        <translation>el servidor no tiene {what} en esta dirección (404): revise la dirección del servidor en Configuración, o el catálogo todavía no está publicado allí</translation>
    </message>
    <message>
        <source>{name!r} is larger than the catalog declares; it was refused.</source>
        <translation>{name!r} es más grande de lo que declara el catálogo; se rechazó.</translation>
    </message>
    <message>
        <source>This sync needs {needed}, and {reserve} is kept free for the system; the disk holding the library has {free} free. Free {short} more, or choose a smaller download limit in Settings.</source>
        <translation>Esta sincronización necesita {needed} y se reservan {reserve} libres para el sistema; el disco de la biblioteca tiene {free} libres. Libere {short} más o elija un límite de descarga menor en Configuración.</translation>
    </message>
    <message>
        <source>The new catalog needs {needed}, and {reserve} is kept free for the system; the disk holding the library has {free} free. Free {short} more and sync again.</source>
        <translation>El catálogo nuevo necesita {needed} y se reservan {reserve} libres para el sistema; el disco de la biblioteca tiene {free} libres. Libere {short} más y vuelva a sincronizar.</translation>
    </message>
    <message>
        <source>The kit needs {needed}, and {reserve} is kept free for the system; the disk holding the library has {free} free. Free {short} more; nothing was imported.</source>
        <translation>El kit necesita {needed} y se reservan {reserve} libres para el sistema; el disco de la biblioteca tiene {free} libres. Libere {short} más; no se importó nada.</translation>
    </message>
    <message>
        <source>{name!r} does not match its SHA-256: it was altered or damaged; refused.</source>
        <translation>{name!r} no coincide con su SHA-256: fue alterado o está dañado; se rechazó.</translation>
    </message>
    <message>
        <source>the server sends the request round in circles (a redirect loop); tell whoever runs it</source>
        <translation>el servidor envía la solicitud en círculos (un bucle de redirecciones); avise a quien lo administra</translation>
    </message>
    <message>
        <source>the server redirected to an address that is not a web address; check the server address in Settings</source>
        <translation>el servidor redirigió a una dirección que no es una dirección web; revise la dirección del servidor en Configuración</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted by this computer; if your network inspects secure connections, ask IT to install its certificate or set a CA bundle</source>
        <translation>esta computadora no confía en el certificado del servidor; si su red inspecciona las conexiones seguras, pida a TI que instale su certificado o configure un paquete de CA</translation>
    </message>
    <message>
        <source>the proxy could not be reached or refused the connection; check the proxy setting</source>
        <translation>no se pudo conectar con el proxy o este rechazó la conexión; revise la configuración del proxy</translation>
    </message>
    <message>
        <source>its name could not be looked up; check the network</source>
        <translation>no se pudo resolver su nombre; revise la red</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>no respondió a tiempo</translation>
    </message>
    <message>
        <source>the connection was cut</source>
        <translation>la conexión se cortó</translation>
    </message>
    <message>
        <source>no connection could be made; you may be offline</source>
        <translation>no se pudo establecer ninguna conexión; es posible que no tenga conexión</translation>
    </message>
    <message>
        <source>the server closed the connection without answering; tell whoever runs it if this goes on</source>
        <translation>el servidor cerró la conexión sin responder; avise a quien lo administra si sigue ocurriendo</translation>
    </message>
    <message>
        <source>the server asks for a sign-in before it gives {what}; the catalog must be public: tell whoever runs the server</source>
        <translation>el servidor pide iniciar sesión antes de entregar {what}; el catálogo debe ser público: avise a quien administra el servidor</translation>
    </message>
    <message>
        <source>the server refuses to give {what} (403): its files may not be readable by the web server; tell whoever runs it</source>
        <translation>el servidor se niega a entregar {what} (403): es posible que el servidor web no pueda leer sus archivos; avise a quien lo administra</translation>
    </message>
    <message>
        <source>the proxy asks for a sign-in (407); ask IT for the proxy setting</source>
        <translation>el proxy pide iniciar sesión (407); pida a TI la configuración del proxy</translation>
    </message>
    <message>
        <source>the server is busy or being updated ({status}); try again later</source>
        <translation>el servidor está ocupado o se está actualizando ({status}); vuelva a intentarlo más tarde</translation>
    </message>
    <message>
        <source>the server answered {status} for {what}</source>
        <translation>el servidor respondió {status} para {what}</translation>
    </message>
    <message>
        <source>A page of the catalog lists no pieces, or more than {most:,} in all.</source>
        <translation>Una página del catálogo no enumera ninguna pieza, o más de {most:,} en total.</translation>
    </message>
    <message>
        <source>The catalog&apos;s pieces are too large.</source>
        <translation>Las piezas del catálogo son demasiado grandes.</translation>
    </message>
    <message>
        <source>The catalog&apos;s pieces do not add up to it.</source>
        <translation>Las piezas del catálogo no suman el catálogo.</translation>
    </message>
    <message>
        <source>The catalog&apos;s parts do not make up the manifest its index signs.</source>
        <translation>Las partes del catálogo no forman el manifiesto que firma su índice.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index is not a JSON object.</source>
        <translation>El índice del catálogo no es un objeto JSON.</translation>
    </message>
    <message>
        <source>This file is not an SOP catalog index.</source>
        <translation>Este archivo no es un índice de catálogo de SOP.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index has no valid catalog_id.</source>
        <translation>El índice del catálogo no tiene un catalog_id válido.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index has no valid version.</source>
        <translation>El índice del catálogo no tiene una versión válida.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index does not describe its manifest.</source>
        <translation>El índice del catálogo no describe su manifiesto.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index gives no valid hash and size.</source>
        <translation>El índice del catálogo no da un hash y un tamaño válidos.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index holds no valid signature.</source>
        <translation>El índice del catálogo no tiene una firma válida.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index has no outline, or one of more than {most:,} entries.</source>
        <translation>El índice del catálogo no tiene esquema, o tiene uno de más de {most:,} entradas.</translation>
    </message>
    <message>
        <source>The catalog&apos;s index names pages larger than the format allows.</source>
        <translation>El índice del catálogo nombra páginas más grandes de lo que permite el formato.</translation>
    </message>
    <message>
        <source>A piece of the catalog&apos;s index is not valid.</source>
        <translation>Una pieza del índice del catálogo no es válida.</translation>
    </message>
    <message>
        <source>A part of the catalog&apos;s index has no valid hash and size.</source>
        <translation>Una parte del índice del catálogo no tiene un hash y un tamaño válidos.</translation>
    </message>
    <message>
        <source>The server does not have part {name} of the catalog (a new version may be uploading).</source>
        <translation>El servidor no tiene la parte {name} del catálogo (quizá se esté subiendo una versión nueva).</translation>
    </message>
    <message>
        <source>The server did not give part {name} of the catalog: {reason}.</source>
        <translation>El servidor no entregó la parte {name} del catálogo: {reason}.</translation>
    </message>
    <message>
        <source>Could not reach the server for part {name} of the catalog: {reason}.</source>
        <translation>No se pudo contactar con el servidor para la parte {name} del catálogo: {reason}.</translation>
    </message>
    <message>
        <source>The download of part {name} of the catalog was interrupted ({reason}).</source>
        <translation>La descarga de la parte {name} del catálogo se interrumpió ({reason}).</translation>
    </message>
    <message>
        <source>The download of part {name} of the catalog stalled.</source>
        <translation>La descarga de la parte {name} del catálogo se detuvo.</translation>
    </message>
    <message>
        <source>Part {name} of the catalog is larger than its index declares; it was refused.</source>
        <translation>La parte {name} del catálogo es más grande de lo que declara su índice; se rechazó.</translation>
    </message>
    <message>
        <source>{part} The whole catalog could not be fetched instead either. {reason}</source>
        <translation>{part} Tampoco se pudo obtener el catálogo completo en su lugar. {reason}</translation>
    </message>
    <message>
        <source>Files that will download when opened: {count}.</source>
        <translation>Archivos que se descargarán al abrirlos: {count}.</translation>
    </message>
    <message>
        <source>Files the server does not hold yet (they will download when opened): {count}.</source>
        <translation>Archivos que el servidor aún no tiene (se descargarán al abrirlos): {count}.</translation>
    </message>
    <message>
        <source>Already up to date: this library holds catalog version {version}.</source>
        <translation>Ya está al día: esta biblioteca tiene la versión {version} del catálogo.</translation>
    </message>
    <message>
        <source>Already up to date: the server&apos;s catalog has not changed.</source>
        <translation>Ya está al día: el catálogo del servidor no ha cambiado.</translation>
    </message>
    <message>
        <source>The catalog&apos;s part {name} is damaged (its hash is not the one its index signs).</source>
        <translation>La parte {name} del catálogo está dañada (su hash no es el que firma su índice).</translation>
    </message>
    <message>
        <source>the catalog&apos;s index</source>
        <translation>el índice del catálogo</translation>
    </message>
    <message>
        <source>a page of the catalog</source>
        <translation>una página del catálogo</translation>
    </message>
    <message>
        <source>the catalog</source>
        <translation>el catálogo</translation>
    </message>
    <message>
        <source>the catalog&apos;s manifest</source>
        <translation>el manifiesto del catálogo</translation>
    </message>
    <message>
        <source>the catalog file</source>
        <translation>el archivo del catálogo</translation>
    </message>
    <message>
        <source>The contents of {what} are larger than the format allows ({size:,} bytes).</source>
        <translation>El contenido de {what} es más grande de lo que permite el formato ({size:,} bytes).</translation>
    </message>
    <message>
        <source>The contents of {what} are not UTF-8 text; it may be damaged.</source>
        <translation>El contenido de {what} no es texto UTF-8; puede estar dañado.</translation>
    </message>
    <message>
        <source>The contents of {what} are not valid JSON (at byte {position:,}); it may be damaged.</source>
        <translation>El contenido de {what} no es JSON válido (en el byte {position:,}); puede estar dañado.</translation>
    </message>
    <message>
        <source>The contents of {what} are nested more deeply than the format allows.</source>
        <translation>El contenido de {what} está anidado a más profundidad de la que permite el formato.</translation>
    </message>
    <message>
        <source>The contents of {what} hold a number larger than the format allows.</source>
        <translation>El contenido de {what} tiene un número más grande de lo que permite el formato.</translation>
    </message>
    <message>
        <source>{name!r}</source>
        <translation>{name!r}</translation>
    </message>
    <message>
        <source>{action}: {path} could not be written ({reason}).</source>
        <translation>{action}: no se pudo escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>{action}: {reason}.</source>
        <translation>{action}: {reason}.</translation>
    </message>
    <message>
        <source>The settings were not saved</source>
        <translation>No se guardó la configuración</translation>
    </message>
    <message>
        <source>Nothing was synced</source>
        <translation>No se sincronizó nada</translation>
    </message>
    <message>
        <source>The files were not kept on this laptop</source>
        <translation>Los archivos no se guardaron en este equipo</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>No se importó nada</translation>
    </message>
    <message>
        <source>The {command} command did not finish</source>
        <translation>El comando {command} no terminó</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>permission was denied</source>
        <translation>se denegó el permiso</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>el disco es de solo lectura</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>no existe</translation>
    </message>
    <message>
        <source>something of that name is already there</source>
        <translation>ya hay algo con ese nombre</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <source>part of its path is not a folder</source>
        <translation>parte de su ruta no es una carpeta</translation>
    </message>
    <message>
        <source>another program is using it</source>
        <translation>otro programa lo está usando</translation>
    </message>
    <message>
        <source>its name is too long</source>
        <translation>su nombre es demasiado largo</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>no se pudo leer ni escribir en el disco</translation>
    </message>
    <message>
        <source>the system refused (error {number})</source>
        <translation>el sistema lo rechazó (error {number})</translation>
    </message>
    <message>
        <source>it is damaged or not in the expected format</source>
        <translation>está dañado o no tiene el formato esperado</translation>
    </message>
    <message>
        <source>an unexpected problem (the log file has the details)</source>
        <translation>un problema inesperado (el archivo de registro tiene los detalles)</translation>
    </message>
    <message>
        <source>Something went wrong: {reason}. Details are in the log file.</source>
        <translation>Algo salió mal: {reason}. Los detalles están en el archivo de registro.</translation>
    </message>
    <message>
        <source>Something went wrong with {path}: {reason}. Details are in the log file.</source>
        <translation>Algo salió mal con {path}: {reason}. Los detalles están en el archivo de registro.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback on “{0}”</source>
        <translation>Opinión sobre «{0}»</translation>
    </message>
    <message>
        <source>It was helpful</source>
        <translation>Fue útil</translation>
    </message>
    <message>
        <source>It was not helpful</source>
        <translation>No fue útil</translation>
    </message>
    <message>
        <source>It is out of date</source>
        <translation>Está desactualizado</translation>
    </message>
    <message>
        <source>A file is broken or will not open</source>
        <translation>Un archivo está dañado o no se abre</translation>
    </message>
    <message>
        <source>The translation is wrong</source>
        <translation>La traducción es incorrecta</translation>
    </message>
    <message>
        <source>Your choice is counted, with no name, in this laptop&apos;s weekly report to the statewide team.</source>
        <translation>Su elección se cuenta, sin ningún nombre, en el informe semanal de este equipo al equipo estatal.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>All resources</source>
        <translation>Todos los recursos</translation>
    </message>
    <message>
        <source>Favorites</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation>Vistos recientemente</translation>
    </message>
    <message>
        <source>What&apos;s new</source>
        <translation>Novedades</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Practice element</source>
        <translation>Elemento de práctica</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Publicado por</translation>
    </message>
    <message>
        <source>Browse and filter</source>
        <translation>Explorar y filtrar</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>FormPrinting</name>
    <message>
        <source>Nothing was printed.</source>
        <translation>No se imprimió nada.</translation>
    </message>
</context>
<context>
    <name>FormWindow</name>
    <message>
        <source>Instrument</source>
        <extracomment>How long typing may pause before the draft is written (a choice is written at once).</extracomment>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Language of this form</source>
        <translation>Idioma de este formulario</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>For example, a coachee&apos;s initials</source>
        <translation>Por ejemplo, las iniciales de la persona a quien acompaña</translation>
    </message>
    <message>
        <source>Only you see this label, on this laptop: it is never sent or exported.</source>
        <translation>Solo usted ve esta etiqueta, en esta computadora: nunca se envía ni se exporta.</translation>
    </message>
    <message>
        <source>&amp;Form language:</source>
        <translation>&amp;Idioma del formulario:</translation>
    </message>
    <message>
        <source>&amp;Label (stays on this laptop):</source>
        <translation>&amp;Etiqueta (se queda en esta computadora):</translation>
    </message>
    <message>
        <source>Form status</source>
        <translation>Estado del formulario</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Completar</translation>
    </message>
    <message>
        <source>Complete the form</source>
        <translation>Completar el formulario</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The answers so far are kept as a draft</source>
        <translation>Las respuestas dadas hasta ahora se guardan como borrador</translation>
    </message>
    <message>
        <source>Completed {0}.</source>
        <translation>Completada el {0}.</translation>
    </message>
    <message>
        <source>Draft saved at {0}.</source>
        <translation>Borrador guardado a las {0}.</translation>
    </message>
    <message numerus="yes">
        <source>%n questions need an answer or a change.</source>
        <translation>
            <numerusform>%n pregunta necesita una respuesta o un cambio.</numerusform>
            <numerusform>%n preguntas necesitan una respuesta o un cambio.</numerusform>
        </translation>
    </message>
    <message>
        <source>Completed and kept on this laptop.</source>
        <translation>Completado y guardado en esta computadora.</translation>
    </message>
</context>
<context>
    <name>FormWords</name>
    <message>
        <source>(required)</source>
        <translation>(obligatoria)</translation>
    </message>
    <message>
        <source>Do not write names, case numbers or any detail about a family or a case.</source>
        <translation>No escriba nombres, números de caso ni ningún detalle sobre una familia o un caso.</translation>
    </message>
    <message>
        <source>Not observed? Open the tip sheet</source>
        <translation>¿No se observó? Abra la hoja de consejos</translation>
    </message>
    <message>
        <source>Open the tip sheet</source>
        <translation>Abra la hoja de consejos</translation>
    </message>
    <message>
        <source>Not observed? Open the practice guide</source>
        <translation>¿No se observó? Abra la guía de práctica</translation>
    </message>
    <message>
        <source>Open the practice guide</source>
        <translation>Abra la guía de práctica</translation>
    </message>
    <message>
        <source>Not observed? Open the module</source>
        <translation>¿No se observó? Abra el módulo</translation>
    </message>
    <message>
        <source>Open the module</source>
        <translation>Abra el módulo</translation>
    </message>
    <message>
        <source>Not observed? Open the resource</source>
        <translation>¿No se observó? Abra el recurso</translation>
    </message>
    <message>
        <source>Open the resource</source>
        <translation>Abra el recurso</translation>
    </message>
    <message>
        <source>(choose one)</source>
        <translation>(elija una)</translation>
    </message>
    <message>
        <source>(choose all that apply)</source>
        <translation>(marque todas las que correspondan)</translation>
    </message>
    <message>
        <source>Completed: {0}</source>
        <translation>Completada: {0}</translation>
    </message>
    <message>
        <source>Label: {0}</source>
        <translation>Etiqueta: {0}</translation>
    </message>
    <message>
        <source>Score: {0} of {1} correct ({2} %)</source>
        <translation>Puntuación: {0} de {1} correctas ({2} %)</translation>
    </message>
    <message>
        <source>year-month-day, for example 2026-12-03</source>
        <translation>año-mes-día, por ejemplo 2026-12-03</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source># SOP Desktop guide</source>
        <translation># Guía de SOP Desktop</translation>
    </message>
    <message>
        <source>## Finding a resource</source>
        <translation>## Encontrar un recurso</translation>
    </message>
    <message>
        <source>Type in the search field (Ctrl+K). Results appear while you type, from titles and practice elements; a moment later the search looks inside every document and video caption. The page, slide or minute where the words were found is shown on each result, and the document opens there. A misspelled word is corrected (“Showing results for …”), and words no resource has are named.</source>
        <translation>Escriba en el campo de búsqueda (Ctrl+K). Los resultados aparecen mientras escribe, a partir de los títulos y los elementos de práctica; un momento después la búsqueda mira dentro de cada documento y de los subtítulos de cada video. Cada resultado indica la página, la diapositiva o el minuto donde se encontraron las palabras, y el documento se abre allí. Una palabra mal escrita se corrige («Mostrando resultados de …») y se nombran las palabras que ningún recurso tiene.</translation>
    </message>
    <message>
        <source>A resource and its translation are one result: “Also in Spanish” on the card, and a link to the other version in the details on the right.</source>
        <translation>Un recurso y su traducción son un solo resultado: «También en inglés» en la tarjeta, y un enlace a la otra versión en los detalles, a la derecha.</translation>
    </message>
    <message>
        <source>## Narrowing the list</source>
        <translation>## Acotar la lista</translation>
    </message>
    <message>
        <source>Tick types, practice elements, audiences, languages or publishers on the left; the numbers say how many results each choice keeps. Favorites, Recently viewed and What&apos;s new (after a sync) are at the top of the list. Clear filters (Ctrl+Shift+L) starts again.</source>
        <translation>Marque tipos, elementos de práctica, destinatarios, idiomas o editores a la izquierda; los números dicen cuántos resultados deja cada opción. Favoritos, Vistos recientemente y Novedades (después de sincronizar) están al principio de la lista. Quitar filtros (Ctrl+Mayús+L) vuelve a empezar.</translation>
    </message>
    <message>
        <source>## Reading, watching, printing</source>
        <translation>## Leer, ver, imprimir</translation>
    </message>
    <message>
        <source>PDFs and text documents (web pages, Markdown, plain text) open inside the program, at the words found, with find (Ctrl+F), zoom and Print (Ctrl+P). Videos play with captions in English or Spanish: C goes from English to Spanish to off, F is full screen. Other files open in the program your laptop has for them.</source>
        <translation>Los PDF y los documentos de texto (páginas web, Markdown, texto sin formato) se abren dentro del programa, donde se encontraron las palabras, con búsqueda (Ctrl+F), zoom e Imprimir (Ctrl+P). Los videos se reproducen con subtítulos en inglés o en español: C pasa de inglés a español y a sin subtítulos, F es pantalla completa. Los demás archivos se abren con el programa que su equipo tenga para ellos.</translation>
    </message>
    <message>
        <source>## Session kits and presenting</source>
        <translation>## Kits de sesión y presentaciones</translation>
    </message>
    <message>
        <source>On the Kits tab, New makes a kit; choose a resource in the results and “Add the chosen resource”. Drag items (or Ctrl+Up/Down) to order them, write a note for each, and set where a document or video opens; a resource added from a search result opens where the words were found. “Make kit available offline” brings every file to the laptop before the session. Present starts at the selected item: Page Down or Space moves on, Page Up goes back, B blanks the screen, Esc ends. Export saves a kit to a file for a co-trainer; Import takes one.</source>
        <translation>En la pestaña Kits, Nuevo crea un kit; elija un recurso en los resultados y pulse «Añadir el recurso elegido». Arrastre los elementos (o Ctrl+Arriba/Abajo) para ordenarlos, escriba una nota para cada uno e indique dónde se abre un documento o un video; un recurso añadido desde un resultado de búsqueda se abre donde se encontraron las palabras. «Kit disponible sin conexión» trae todos los archivos al equipo antes de la sesión. Presentar empieza en el elemento elegido: Av Pág o Espacio avanza, Re Pág retrocede, B pone la pantalla en negro, Esc termina. Exportar guarda un kit en un archivo para otro capacitador; Importar lo recibe.</translation>
    </message>
    <message>
        <source>## Keeping the library up to date</source>
        <translation>## Mantener la biblioteca al día</translation>
    </message>
    <message>
        <source>Sync (F5) fetches what is new from your county&apos;s or the state&apos;s server, set in Settings. The status bar says when the last sync worked or failed. Without a connection, File › Import a library from a drive takes a copy made on another laptop with File › Copy the library to a drive.</source>
        <translation>Sincronizar (F5) trae lo nuevo del servidor de su condado o del estado, indicado en Configuración. La barra de estado dice cuándo funcionó o falló la última sincronización. Sin conexión, Archivo › Importar una biblioteca desde una unidad recibe una copia hecha en otro equipo con Archivo › Copiar la biblioteca a una unidad.</translation>
    </message>
    <message>
        <source>SOP Desktop guide</source>
        <translation>Guía de SOP Desktop</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>My completed instruments</source>
        <translation>Mis instrumentos completados</translation>
    </message>
    <message>
        <source>Your completed observations, self-checks and knowledge checks, kept on this laptop. Open one to read or print it as filled in; choose an instrument and a label to see those scores over time.</source>
        <translation>Sus observaciones, autoevaluaciones y comprobaciones de conocimientos completadas, guardadas en esta computadora. Abra una para leerla o imprimirla tal como se llenó; elija un instrumento y una etiqueta para ver esas puntuaciones a lo largo del tiempo.</translation>
    </message>
    <message>
        <source>Completed instruments</source>
        <translation>Instrumentos completados</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrumento:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Read or print the chosen response as filled in</source>
        <translation>Leer o imprimir la respuesta elegida tal como se llenó</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(sin etiqueta)</translation>
    </message>
</context>
<context>
    <name>InstrumentStrip</name>
    <message>
        <source>Instruments:</source>
        <translation>Instrumentos:</translation>
    </message>
    <message>
        <source>Instruments that match</source>
        <translation>Instrumentos que coinciden</translation>
    </message>
    <message>
        <source>Instrument: {0}</source>
        <translation>Instrumento: {0}</translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>Self-check</source>
        <translation>Autoevaluación</translation>
    </message>
    <message>
        <source>Knowledge check</source>
        <translation>Comprobación de conocimientos</translation>
    </message>
</context>
<context>
    <name>InstrumentsDialog</name>
    <message>
        <source>Instruments</source>
        <translation>Instrumentos</translation>
    </message>
    <message>
        <source>Observations, self-checks and knowledge checks, filled in here with no connection. Your answers stay on this laptop.</source>
        <translation>Observaciones, autoevaluaciones y comprobaciones de conocimientos, que se rellenan aquí sin conexión. Sus respuestas se quedan en esta computadora.</translation>
    </message>
    <message>
        <source>Installed instruments</source>
        <translation>Instrumentos instalados</translation>
    </message>
    <message>
        <source>The installed catalog has no instruments.</source>
        <translation>El catálogo instalado no tiene instrumentos.</translation>
    </message>
    <message>
        <source>No instruments</source>
        <translation>Sin instrumentos</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Print &amp;blank…</source>
        <translation>Imprimir en &amp;blanco…</translation>
    </message>
    <message>
        <source>The empty form in English and in Spanish, to fill in by hand</source>
        <translation>El formulario vacío en inglés y en español, para rellenarlo a mano</translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n completada</numerusform>
            <numerusform>%n completadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drafts</source>
        <translation>
            <numerusform>%n borrador</numerusform>
            <numerusform>%n borradores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyNames</name>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Re Pág</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>Av Pág</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Plus</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>Minus</source>
        <translation>Menos</translation>
    </message>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
</context>
<context>
    <name>KitTransfer</name>
    <message>
        <source>Export kit</source>
        <translation>Exportar kit</translation>
    </message>
    <message>
        <source>Kits (*.sopkit)</source>
        <translation>Kits (*.sopkit)</translation>
    </message>
    <message>
        <source>Exporting the kit “{0}”…</source>
        <translation>Exportando el kit «{0}»…</translation>
    </message>
    <message>
        <source>Kit exported to {0}.</source>
        <translation>Kit exportado a {0}.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportación cancelada.</translation>
    </message>
    <message>
        <source>Import kit</source>
        <translation>Importar kit</translation>
    </message>
    <message>
        <source>You already have the kit “{0}”. Add another copy of it?</source>
        <translation>Ya tiene el kit «{0}». ¿Añadir otra copia?</translation>
    </message>
    <message>
        <source>Importing the kit…</source>
        <translation>Importando el kit…</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Importación cancelada.</translation>
    </message>
    <message>
        <source>Kit “{0}” imported.</source>
        <translation>Kit «{0}» importado.</translation>
    </message>
</context>
<context>
    <name>KitsPanel</name>
    <message>
        <source>Session kits</source>
        <translation>Kits de sesión</translation>
    </message>
    <message>
        <source>Items of the kit</source>
        <translation>Elementos del kit</translation>
    </message>
    <message>
        <source>Note for this item</source>
        <translation>Nota para este elemento</translation>
    </message>
    <message>
        <source>Ready to present</source>
        <translation>Listo para presentar</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Add the chosen resource</source>
        <translation>Añadir el recurso elegido</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Quitar elemento</translation>
    </message>
    <message>
        <source>Make kit available offline</source>
        <translation>Kit disponible sin conexión</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>{0} (from the catalog)</source>
        <translation>{0} (del catálogo)</translation>
    </message>
    <message>
        <source>Copy to my kits</source>
        <translation>Copiar a mis kits</translation>
    </message>
    <message numerus="yes">
        <source>Not ready: %n files missing ({0})</source>
        <translation>
            <numerusform>No está listo: falta %n archivo ({0})</numerusform>
            <numerusform>No está listo: faltan %n archivos ({0})</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the kit “{0}”? This cannot be undone.</source>
        <translation>¿Borrar el kit «{0}»? No se puede deshacer.</translation>
    </message>
    <message>
        <source>{0} (not in this catalog)</source>
        <translation>{0} (no está en este catálogo)</translation>
    </message>
    <message>
        <source>Make a kit with New, then add resources to it.</source>
        <translation>Cree un kit con Nuevo y añádale recursos.</translation>
    </message>
    <message>
        <source>What to say at this point…</source>
        <translation>Qué decir en este momento…</translation>
    </message>
    <message>
        <source>Opens at:</source>
        <translation>Se abre en:</translation>
    </message>
    <message>
        <source>Where the item opens when presented</source>
        <translation>Dónde se abre el elemento al presentar</translation>
    </message>
    <message>
        <source>This kit is empty: choose a resource in the results, then “Add the chosen resource”.</source>
        <translation>Este kit está vacío: elija un recurso en los resultados y pulse «Añadir el recurso elegido».</translation>
    </message>
    <message>
        <source>✓ Ready to present offline</source>
        <translation>✓ Listo para presentar sin conexión</translation>
    </message>
    <message>
        <source>New kit</source>
        <translation>Nuevo kit</translation>
    </message>
    <message>
        <source>Name of the kit:</source>
        <translation>Nombre del kit:</translation>
    </message>
    <message>
        <source>Rename kit</source>
        <translation>Cambiar el nombre del kit</translation>
    </message>
    <message>
        <source>{0} (copy)</source>
        <translation>{0} (copia)</translation>
    </message>
    <message>
        <source>a time, such as 3:20</source>
        <translation>un tiempo, como 3:20</translation>
    </message>
    <message>
        <source>a page, such as 5</source>
        <translation>una página, como 5</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>el principio</translation>
    </message>
    <message>
        <source>from {0}</source>
        <translation>desde {0}</translation>
    </message>
    <message>
        <source>from slide {0}</source>
        <translation>desde la diapositiva {0}</translation>
    </message>
    <message>
        <source>from page {0}</source>
        <translation>desde la página {0}</translation>
    </message>
    <message>
        <source>“{0}” is not a time such as 3:20.</source>
        <translation>«{0}» no es un tiempo como 3:20.</translation>
    </message>
    <message>
        <source>“{0}” is not a page number.</source>
        <translation>«{0}» no es un número de página.</translation>
    </message>
</context>
<context>
    <name>LibraryTransfer</name>
    <message>
        <source>Copy the library to which drive or folder?</source>
        <extracomment>The folder made on the drive chosen (a drive&apos;s top folder is rarely empty).</extracomment>
        <translation>¿A qué unidad o carpeta copiar la biblioteca?</translation>
    </message>
    <message>
        <source>Copying the library to {0}…</source>
        <translation>Copiando la biblioteca a {0}…</translation>
    </message>
    <message>
        <source>Copy cancelled; the folder holds no new catalog.</source>
        <translation>Copia cancelada; la carpeta no contiene un catálogo nuevo.</translation>
    </message>
    <message>
        <source>Library copied to {0}: {1} files ({2}). On another laptop, use File › Import a library from a drive.</source>
        <translation>Biblioteca copiada a {0}: {1} archivos ({2}). En otro equipo, use Archivo › Importar una biblioteca desde una unidad.</translation>
    </message>
    <message numerus="yes">
        <source>%n files are not on this laptop and were left out; the other laptop downloads them when they are opened.</source>
        <translation>
            <numerusform>%n archivo no está en este equipo y se dejó fuera; el otro equipo lo descarga cuando se abre.</numerusform>
            <numerusform>%n archivos no están en este equipo y se dejaron fuera; el otro equipo los descarga cuando se abren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Library copied</source>
        <translation>Biblioteca copiada</translation>
    </message>
    <message>
        <source>Import the library from which folder?</source>
        <translation>¿Desde qué carpeta importar la biblioteca?</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Import cancelled; the library was not changed.</source>
        <translation>Importación cancelada; la biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>Already up to date (catalog version {0}).</source>
        <translation>Ya está al día (versión del catálogo {0}).</translation>
    </message>
    <message>
        <source>Catalog version {0} imported: {1} new, {2} updated, {3} removed.</source>
        <translation>Versión {0} del catálogo importada: {1} nuevos, {2} actualizados, {3} eliminados.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search tip sheets, guides, videos and captions (Ctrl+K)</source>
        <translation>Buscar hojas de consejos, guías, videos y subtítulos (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Sync with the server</source>
        <translation>Sincronizar con el servidor</translation>
    </message>
    <message>
        <source>Get new and updated resources (F5)</source>
        <translation>Obtener recursos nuevos y actualizados (F5)</translation>
    </message>
    <message>
        <source>Search notice</source>
        <translation>Aviso de la búsqueda</translation>
    </message>
    <message>
        <source>Sync result</source>
        <translation>Resultado de la sincronización</translation>
    </message>
    <message>
        <source>Number of results</source>
        <translation>Número de resultados</translation>
    </message>
    <message>
        <source>Browse or kits</source>
        <translation>Explorar o kits</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Kits</source>
        <translation>Kits</translation>
    </message>
    <message numerus="yes">
        <source>about %n results</source>
        <translation>
            <numerusform>aproximadamente %n resultado</numerusform>
            <numerusform>aproximadamente %n resultados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resources</source>
        <translation>
            <numerusform>%n recurso</numerusform>
            <numerusform>%n recursos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n results</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing results for &lt;a href=&quot;q:{0}&quot;&gt;{0}&lt;/a&gt;.</source>
        <translation>Resultados para &lt;a href=&quot;q:{0}&quot;&gt;{0}&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Did you mean &lt;a href=&quot;q:{0}&quot;&gt;{0}&lt;/a&gt;?</source>
        <translation>¿Quiso decir &lt;a href=&quot;q:{0}&quot;&gt;{0}&lt;/a&gt;?</translation>
    </message>
    <message>
        <source>No resource has every word: nothing has &lt;b&gt;{0}&lt;/b&gt;, so these results have the other words.</source>
        <translation>Ningún recurso tiene todas las palabras: ninguno tiene &lt;b&gt;{0}&lt;/b&gt;, así que estos resultados tienen las demás.</translation>
    </message>
    <message>
        <source>Nothing found, here or in the whole library. Try fewer or other words.</source>
        <translation>No se encontró nada, ni aquí ni en toda la biblioteca. Pruebe con menos palabras o con otras.</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer or other words, or clear the filters.</source>
        <translation>No se encontró nada. Pruebe con menos palabras u otras, o quite los filtros.</translation>
    </message>
    <message>
        <source>No favorites yet: use “Add to favorites” on a resource.</source>
        <translation>Aún no hay favoritos: use «Añadir a favoritos» en un recurso.</translation>
    </message>
    <message>
        <source>Resources you open will be listed here.</source>
        <translation>Aquí aparecerán los recursos que abra.</translation>
    </message>
    <message>
        <source>After a sync, new and updated resources are listed here.</source>
        <translation>Después de sincronizar, aquí aparecen los recursos nuevos y actualizados.</translation>
    </message>
    <message>
        <source>No resources match these filters.</source>
        <translation>Ningún recurso coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>The interface language changes when SOP Desktop is restarted.</source>
        <translation>El idioma de la interfaz cambiará al reiniciar SOP Desktop.</translation>
    </message>
</context>
<context>
    <name>NarrowingBar</name>
    <message>
        <source>What the results are narrowed to</source>
        <translation>A qué se limitan los resultados</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Show results from the whole library</source>
        <translation>Mostrar resultados de toda la biblioteca</translation>
    </message>
    <message>
        <source>Showing only: {0}</source>
        <translation>Solo se muestra: {0}</translation>
    </message>
</context>
<context>
    <name>Opener</name>
    <message>
        <source>No program on this laptop opens “{0}”.</source>
        <translation>Ningún programa de este equipo abre «{0}».</translation>
    </message>
    <message>
        <source>Preparing “{0}”…</source>
        <translation>Preparando «{0}»…</translation>
    </message>
    <message>
        <source>Not on this laptop yet</source>
        <translation>Aún no está en este equipo</translation>
    </message>
    <message>
        <source>“{0}” is not on this laptop yet ({1}). Download it now? You need to be online.</source>
        <translation>«{0}» aún no está en este equipo ({1}). ¿Descargarlo ahora? Necesita conexión.</translation>
    </message>
    <message>
        <source>PDF copy (*.pdf)</source>
        <translation>Copia en PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>{0} files (*{1})</source>
        <translation>Archivos {0} (*{1})</translation>
    </message>
    <message>
        <source>Saved a copy as {0}</source>
        <translation>Copia guardada como {0}</translation>
    </message>
    <message>
        <source>Saving a copy of “{0}”…</source>
        <translation>Guardando una copia de «{0}»…</translation>
    </message>
    <message>
        <source>The copy was not saved</source>
        <translation>La copia no se guardó</translation>
    </message>
    <message>
        <source>The copy was not saved.</source>
        <translation>La copia no se guardó.</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>Carta (8,5 × 11 pulg.)</translation>
    </message>
    <message>
        <source>US Legal (8.5 × 14 in)</source>
        <translation>Oficio EE. UU. (8,5 × 14 pulg.)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>Document pages</source>
        <translation>Páginas del documento</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Número de páginas</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Buscar en el documento</translation>
    </message>
    <message>
        <source>Matches found</source>
        <translation>Coincidencias encontradas</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>This PDF could not be opened ({0}).</source>
        <translation>No se pudo abrir este PDF ({0}).</translation>
    </message>
    <message>
        <source>of {0}</source>
        <translation>de {0}</translation>
    </message>
    <message>
        <source>Nothing was printed: the printer could not be used.</source>
        <translation>No se imprimió nada: no se pudo usar la impresora.</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Item {0} of {1} · {2}</source>
        <translation>Elemento {0} de {1} · {2}</translation>
    </message>
    <message>
        <source>page {0} of {1}</source>
        <translation>página {0} de {1}</translation>
    </message>
    <message>
        <source>{0}

(the video has ended)</source>
        <extracomment>Every key a presentation answers (the shortcuts list in Help names each).</extracomment>
        <translation>{0}

(el video ha terminado)</translation>
    </message>
    <message>
        <source>slide {0} of {1}</source>
        <translation>diapositiva {0} de {1}</translation>
    </message>
    <message>
        <source>captions: {0}</source>
        <translation>subtítulos: {0}</translation>
    </message>
    <message>
        <source>captions off</source>
        <translation>sin subtítulos</translation>
    </message>
    <message>
        <source>screen {0} of {1}</source>
        <translation>pantalla {0} de {1}</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(sin nota)</translation>
    </message>
    <message>
        <source>(the end of the kit)</source>
        <translation>(fin del kit)</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Siguiente: {0}</translation>
    </message>
    <message>
        <source>The audience screen is blank (B to show it again).</source>
        <translation>La pantalla del público está en negro (B para volver a mostrarla).</translation>
    </message>
    <message>
        <source>The video has ended: Space plays it again, PageDown goes on.</source>
        <translation>El video ha terminado: Espacio lo reproduce de nuevo, Av Pág sigue adelante.</translation>
    </message>
    <message>
        <source>captions: English</source>
        <translation>subtítulos: inglés</translation>
    </message>
    <message>
        <source>captions: Spanish</source>
        <translation>subtítulos: español</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>reproduciendo</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>SOP Desktop: presenter view</source>
        <translation>SOP Desktop: vista del presentador</translation>
    </message>
    <message>
        <source>Current item</source>
        <translation>Elemento actual</translation>
    </message>
    <message>
        <source>Position in the kit</source>
        <translation>Posición en el kit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Elemento siguiente</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Tiempo transcurrido</translation>
    </message>
    <message>
        <source>Audience screen state</source>
        <translation>Estado de la pantalla del público</translation>
    </message>
    <message>
        <source>PageDown / →: next · PageUp / ←: previous · Space: next, or play/pause a video · C: captions · B: blank · N: notes · Esc: end</source>
        <translation>Av Pág / →: siguiente · Re Pág / ←: anterior · Espacio: siguiente, o pausa/reproducir un video · C: subtítulos · B: negro · N: notas · Esc: terminar</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>Presenting</name>
    <message>
        <source>This kit is not fully on this laptop, so it cannot be presented offline: {0} files are missing ({1}). Use “Make kit available offline” first.

{2}</source>
        <translation>Este kit no está completo en este equipo, así que no se puede presentar sin conexión: faltan {0} archivos ({1}). Use primero «Kit disponible sin conexión».

{2}</translation>
    </message>
    <message>
        <source>Not ready to present</source>
        <translation>No está listo para presentar</translation>
    </message>
    <message>
        <source>Present on which screen?</source>
        <translation>¿En qué pantalla presentar?</translation>
    </message>
    <message>
        <source>Screen the audience sees:</source>
        <translation>Pantalla que ve el público:</translation>
    </message>
</context>
<context>
    <name>PrintChoices</name>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Run sheet: the items, their notes, where each opens</source>
        <translation>Guion: los elementos, sus notas, dónde se abre cada uno</translation>
    </message>
    <message>
        <source>Handouts: every item that can be printed</source>
        <translation>Folletos: cada elemento que se puede imprimir</translation>
    </message>
    <message>
        <source>Also the version in English</source>
        <translation>También la versión en inglés</translation>
    </message>
    <message>
        <source>Also the version in Spanish</source>
        <translation>También la versión en español</translation>
    </message>
    <message>
        <source>Also the version in {0}</source>
        <translation>También la versión en {0}</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Why this paper</source>
        <translation>Por qué este papel</translation>
    </message>
    <message>
        <source>As last time.</source>
        <translation>Como la última vez.</translation>
    </message>
    <message>
        <source>The printer&apos;s paper.</source>
        <translation>El papel de la impresora.</translation>
    </message>
    <message>
        <source>The paper used in this computer&apos;s region.</source>
        <translation>El papel que se usa en la región de este equipo.</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papel:</translation>
    </message>
    <message>
        <source>Large print (the text in large type)</source>
        <translation>Letra grande (el texto en letra grande)</translation>
    </message>
</context>
<context>
    <name>PrintReport</name>
    <message numerus="yes">
        <source>Printed %n pages.</source>
        <translation>
            <numerusform>Se imprimió %n página.</numerusform>
            <numerusform>Se imprimieron %n páginas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to print in: {0}.</source>
        <translation>Nada que imprimir en: {0}.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Opens at</source>
        <translation>Se abre en</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Run sheet: {0} items</source>
        <translation>Guion: {0} elementos</translation>
    </message>
    <message>
        <source>slide {0}</source>
        <translation>diapositiva {0}</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>página {0}</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>el principio</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Carpeta</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>The file dialog (the one Qt draws where the system has none) asks for these with an accelerator that Qt&apos;s catalog does not carry.</extracomment>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <extracomment>Qt&apos;s Spanish calls a file &quot;fichero&quot; (Spain&apos;s word); the program says &quot;archivo&quot;, as Latin America and the rest of the window do. The program&apos;s translator is asked before Qt&apos;s.</extracomment>
        <translation>&amp;Nombre de archivo:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Archivos de tipo:</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Archivo no encontrado.
Verifique que el nombre del archivo es correcto.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>El archivo %1 ya existe.
¿Desea reemplazarlo?</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print To File ...</source>
        <translation>Imprimir a archivo...</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>No se puede escribir en el archivo %1.
Elija un nombre de archivo diferente.</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Archivo de salida:</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <extracomment>Keys in menus as the keys&apos; table writes them (``key_names``): &quot;Ctrl+S&quot;, &quot;Mayús&quot;, not Qt&apos;s Spanish &quot;Control+S&quot;.</extracomment>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>PgUp</source>
        <translation>Re Pág</translation>
    </message>
    <message>
        <source>PgDown</source>
        <translation>Av Pág</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>What is shared</source>
        <extracomment>How a search&apos;s words that may not leave are sent: ``(+3 other words)`` (privacy.py).</extracomment>
        <translation>Qué se comparte</translation>
    </message>
    <message>
        <source>Usage reports are off on this laptop, because no policy of your county turns them on: nothing is counted or sent. Were they on, each week&apos;s report would hold only these counts:</source>
        <translation>Los informes de uso están desactivados en esta computadora porque ninguna directiva de su condado los activa: no se cuenta ni se envía nada. Si estuvieran activados, el informe de cada semana tendría solo estos recuentos:</translation>
    </message>
    <message>
        <source>Usage reports are off on this laptop, because they were turned off in Settings: nothing is counted or sent. Were they on, each week&apos;s report would hold only these counts:</source>
        <translation>Los informes de uso están desactivados en esta computadora porque se desactivaron en Configuración: no se cuenta ni se envía nada. Si estuvieran activados, el informe de cada semana tendría solo estos recuentos:</translation>
    </message>
    <message>
        <source>Each week this laptop sends counts, never a list of what you did: how often each resource was opened, presented, printed or saved; searches that found nothing (only words of the catalog itself; other words are only counted); filters used; feedback; the catalog and program versions; days used. The laptop is a random token that changes every week. This is the report so far, exactly as it will be sent:</source>
        <translation>Cada semana este equipo envía recuentos, nunca una lista de lo que usted hizo: cuántas veces se abrió, presentó, imprimió o guardó cada recurso; las búsquedas que no encontraron nada (solo palabras del propio catálogo; las demás palabras solo se cuentan); los filtros usados; las opiniones; las versiones del catálogo y del programa; los días de uso. El equipo es un código al azar que cambia cada semana. Este es el informe hasta ahora, tal como se enviará:</translation>
    </message>
    <message>
        <source>The next report</source>
        <translation>El próximo informe</translation>
    </message>
    <message>
        <source>What is counted</source>
        <translation>Qué se cuenta</translation>
    </message>
    <message>
        <source>Of what</source>
        <translation>De qué</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>The next report, as it will be sent (JSON)</source>
        <translation>El próximo informe, tal como se enviará (JSON)</translation>
    </message>
    <message>
        <source>This week&apos;s report so far</source>
        <translation>El informe de esta semana hasta ahora</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Pendiente de envío</translation>
    </message>
    <message>
        <source>Show as sent (JSON)</source>
        <translation>Mostrar tal como se envía (JSON)</translation>
    </message>
    <message>
        <source>Show as a table</source>
        <translation>Mostrar como tabla</translation>
    </message>
    <message>
        <source>{0}: week {1}</source>
        <translation>{0}: semana {1}</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>This week&apos;s random token for the laptop</source>
        <translation>Identificador aleatorio del equipo esta semana</translation>
    </message>
    <message>
        <source>What each week&apos;s report would hold</source>
        <translation>Lo que tendría el informe de cada semana</translation>
    </message>
    <message>
        <source>Each resource</source>
        <translation>Cada recurso</translation>
    </message>
    <message>
        <source>The words, only where they are the catalog&apos;s own</source>
        <translation>Las palabras, solo si son del propio catálogo</translation>
    </message>
    <message>
        <source>Each filter</source>
        <translation>Cada filtro</translation>
    </message>
    <message>
        <source>Each resource and the kind of feedback</source>
        <translation>Cada recurso y el tipo de comentario</translation>
    </message>
    <message>
        <source>The request, as you confirmed it</source>
        <translation>La solicitud, tal como la confirmó</translation>
    </message>
    <message>
        <source>The version</source>
        <translation>La versión</translation>
    </message>
    <message>
        <source>Each instrument&apos;s questions and answers</source>
        <translation>Las preguntas y respuestas de cada instrumento</translation>
    </message>
    <message>
        <source>How many in the week</source>
        <translation>Cuántas veces en la semana</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Saved a copy</source>
        <translation>Copia guardada</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Búsquedas</translation>
    </message>
    <message>
        <source>Searches that found nothing</source>
        <translation>Búsquedas sin resultados</translation>
    </message>
    <message>
        <source>Searches after which nothing was opened</source>
        <translation>Búsquedas tras las que no se abrió nada</translation>
    </message>
    <message>
        <source>Spelling corrections taken</source>
        <translation>Correcciones ortográficas aceptadas</translation>
    </message>
    <message>
        <source>Filters used</source>
        <translation>Filtros usados</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Resources requested</source>
        <translation>Recursos solicitados</translation>
    </message>
    <message>
        <source>Days the program was used</source>
        <translation>Días en que se usó el programa</translation>
    </message>
    <message>
        <source>Catalog version</source>
        <translation>Versión del catálogo</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Versión del programa</translation>
    </message>
    <message numerus="yes">
        <source>(+%n other word(s))</source>
        <translation>
            <numerusform>(+%n palabra más)</numerusform>
            <numerusform>(+%n palabras más)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request a resource</source>
        <translation>Pedir un recurso</translation>
    </message>
    <message>
        <source>Which resource do you need that the library does not have?</source>
        <translation>¿Qué recurso necesita que la biblioteca no tiene?</translation>
    </message>
    <message>
        <source>Do not write names, case numbers or any detail about a family or a case. Numbers, e-mail addresses and phone numbers are removed.</source>
        <translation>No escriba nombres, números de caso ni ningún detalle sobre una familia o un caso. Los números, los correos electrónicos y los teléfonos se quitan.</translation>
    </message>
    <message>
        <source>The resource you need</source>
        <translation>El recurso que necesita</translation>
    </message>
    <message>
        <source>For example: a tip sheet on safety planning with teens</source>
        <translation>Por ejemplo: una hoja de consejos sobre la planificación de la seguridad con adolescentes</translation>
    </message>
    <message>
        <source>This is exactly what will be sent:</source>
        <translation>Esto es exactamente lo que se enviará:</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Lo que se enviará</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Change it</source>
        <translation>Cambiarlo</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Also in English</source>
        <translation>También en inglés</translation>
    </message>
    <message>
        <source>Also in Spanish</source>
        <translation>También en español</translation>
    </message>
    <message>
        <source>p. {0}</source>
        <translation>pág. {0}</translation>
    </message>
    <message>
        <source>slide {0}</source>
        <translation>diapositiva {0}</translation>
    </message>
    <message>
        <source>at {0}</source>
        <translation>en {0}</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>not downloaded yet</source>
        <translation>aún sin descargar</translation>
    </message>
    <message>
        <source>{0} Downloaded: on this laptop</source>
        <translation>{0} Descargado: en este equipo</translation>
    </message>
    <message>
        <source>{0} Not downloaded yet</source>
        <translation>{0} Todavía no descargado</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <source>Scores over time</source>
        <translation>Puntuaciones a lo largo del tiempo</translation>
    </message>
    <message>
        <source>No scores yet.</source>
        <translation>Todavía no hay puntuaciones.</translation>
    </message>
</context>
<context>
    <name>Scores</name>
    <message>
        <source>{0} %</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>% correct</source>
        <translation>% de aciertos</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Download policy</source>
        <translation>Política de descarga</translation>
    </message>
    <message>
        <source>Everything, whatever the size</source>
        <translation>Todo, sea cual sea el tamaño</translation>
    </message>
    <message>
        <source>Files up to the size limit</source>
        <translation>Archivos hasta el límite de tamaño</translation>
    </message>
    <message>
        <source>Only when opened</source>
        <translation>Solo al abrirlos</translation>
    </message>
    <message>
        <source>Size limit in megabytes</source>
        <translation>Límite de tamaño en megabytes</translation>
    </message>
    <message>
        <source>As the system is set (leave empty)</source>
        <translation>Como esté configurado el sistema (dejar vacío)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>The system&apos;s certificates (leave empty)</source>
        <translation>Los certificados del sistema (dejar vacío)</translation>
    </message>
    <message>
        <source>Certificate bundle</source>
        <translation>Paquete de certificados</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a certificate bundle</source>
        <translation>Elegir un paquete de certificados</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>As the system (default)</source>
        <translation>Como el sistema (predeterminado)</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clara</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscura</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Storage location and usage</source>
        <translation>Ubicación y uso del almacenamiento</translation>
    </message>
    <message>
        <source>{0}
{1} used</source>
        <translation>{0}
{1} en uso</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the library folder</source>
        <translation>Abrir la carpeta de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Dirección del &amp;servidor:</translation>
    </message>
    <message>
        <source>&amp;Download:</source>
        <translation>&amp;Descargar:</translation>
    </message>
    <message>
        <source>Size &amp;limit:</source>
        <translation>&amp;Límite de tamaño:</translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation>Almacenamiento:</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>&amp;Certificates:</source>
        <translation>&amp;Certificados:</translation>
    </message>
    <message>
        <source>Trusted &amp;keys:</source>
        <translation>Claves de con&amp;fianza:</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apariencia:</translation>
    </message>
    <message>
        <source>Usage reports:</source>
        <translation>Informes de uso:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Definido por su administrador</translation>
    </message>
    <message>
        <source>Greyed-out settings are set by your administrator.</source>
        <translation>Los ajustes en gris los define su administrador.</translation>
    </message>
    <message>
        <source>Address refused</source>
        <translation>Dirección rechazada</translation>
    </message>
    <message>
        <source>Address saved as</source>
        <translation>Dirección guardada como</translation>
    </message>
    <message>
        <source>No http:// or https:// was typed: it is saved as {0}.</source>
        <translation>No se escribió http:// ni https://: se guarda como {0}.</translation>
    </message>
    <message>
        <source>Share weekly counts with the statewide team</source>
        <translation>Compartir recuentos semanales con el equipo estatal</translation>
    </message>
    <message>
        <source>Off on this laptop: no policy turns it on.</source>
        <translation>Desactivado en este equipo: ninguna política lo activa.</translation>
    </message>
    <message>
        <source>Show what is shared…</source>
        <translation>Ver qué se comparte…</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Certificados (*.pem *.crt)</translation>
    </message>
    <message>
        <source>A web address has no spaces.</source>
        <translation>Una dirección web no lleva espacios.</translation>
    </message>
    <message>
        <source>It names no server after {0}://.</source>
        <translation>No nombra ningún servidor después de {0}://.</translation>
    </message>
    <message>
        <source>It must begin with {0}, for example {1}.</source>
        <translation>Debe empezar por {0}, por ejemplo {1}.</translation>
    </message>
    <message>
        <source>“{0}” is not a server address. {1}</source>
        <translation>«{0}» no es una dirección de servidor. {1}</translation>
    </message>
    <message>
        <source>“{0}” is not a proxy address. {1}</source>
        <translation>«{0}» no es una dirección de proxy. {1}</translation>
    </message>
</context>
<context>
    <name>SharedLabels</name>
    <message>
        <source>Completed instruments that answered the question</source>
        <translation>Instrumentos completados que respondieron la pregunta</translation>
    </message>
    <message>
        <source>Times an answer was chosen</source>
        <translation>Veces que se eligió una respuesta</translation>
    </message>
    <message>
        <source>Sum of the scores, times 100</source>
        <translation>Suma de las puntuaciones, por 100</translation>
    </message>
    <message>
        <source>Share of correct answers</source>
        <translation>Proporción de respuestas correctas</translation>
    </message>
    <message>
        <source>Score ({0})</source>
        <translation>Puntuación ({0})</translation>
    </message>
    <message>
        <source>From the instruments you complete, only counts: how many responses answered each question, how often each answer was chosen and the sum of the scores; never a text answer, a date or your labels.</source>
        <translation>De los instrumentos que usted completa, solo recuentos: cuántas respuestas contestaron cada pregunta, cuántas veces se eligió cada respuesta y la suma de las puntuaciones; nunca una respuesta escrita, una fecha ni sus etiquetas.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Qué hacen</translation>
    </message>
    <message>
        <source>The window</source>
        <translation>La ventana</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>A document</source>
        <translation>Un documento</translation>
    </message>
    <message>
        <source>A video</source>
        <translation>Un video</translation>
    </message>
    <message>
        <source>A kit&apos;s items</source>
        <translation>Los elementos de un kit</translation>
    </message>
    <message>
        <source>Presenting</source>
        <translation>Al presentar</translation>
    </message>
    <message>
        <source>Go to the search field</source>
        <translation>Ir al campo de búsqueda</translation>
    </message>
    <message>
        <source>Clear the search field</source>
        <translation>Vaciar el campo de búsqueda</translation>
    </message>
    <message>
        <source>All resources</source>
        <translation>Todos los recursos</translation>
    </message>
    <message>
        <source>Favorites</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <source>Recently viewed</source>
        <translation>Vistos recientemente</translation>
    </message>
    <message>
        <source>What&apos;s new</source>
        <translation>Novedades</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Save a copy of the chosen resource</source>
        <translation>Guardar una copia del recurso elegido</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>Control siguiente o anterior</translation>
    </message>
    <message>
        <source>From the search field to the results</source>
        <translation>Del campo de búsqueda a los resultados</translation>
    </message>
    <message>
        <source>Previous or next result</source>
        <translation>Resultado anterior o siguiente</translation>
    </message>
    <message>
        <source>Open the result</source>
        <translation>Abrir el resultado</translation>
    </message>
    <message>
        <source>Next or previous page</source>
        <translation>Página siguiente o anterior</translation>
    </message>
    <message>
        <source>Find in the document</source>
        <translation>Buscar en el documento</translation>
    </message>
    <message>
        <source>Zoom in or out</source>
        <translation>Acercar o alejar</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Close the document or video</source>
        <translation>Cerrar el documento o el video</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Reproducir o pausar</translation>
    </message>
    <message>
        <source>Back or forward 5 seconds</source>
        <translation>Retroceder o avanzar 5 segundos</translation>
    </message>
    <message>
        <source>Back or forward 10 seconds</source>
        <translation>Retroceder o avanzar 10 segundos</translation>
    </message>
    <message>
        <source>Back to the beginning</source>
        <translation>Volver al principio</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>Pantalla completa sí o no</translation>
    </message>
    <message>
        <source>Captions: English, Spanish, off, in turn</source>
        <translation>Subtítulos: inglés, español, sin subtítulos, por turnos</translation>
    </message>
    <message>
        <source>Leave full screen, then close the video</source>
        <translation>Salir de la pantalla completa y después cerrar el video</translation>
    </message>
    <message>
        <source>Move the item up or down</source>
        <translation>Subir o bajar el elemento</translation>
    </message>
    <message>
        <source>Remove the item from the kit</source>
        <translation>Quitar el elemento del kit</translation>
    </message>
    <message>
        <source>Next page or item (Space plays or pauses a video)</source>
        <translation>Página o elemento siguiente (Espacio reproduce o pausa un video)</translation>
    </message>
    <message>
        <source>Previous page or item</source>
        <translation>Página o elemento anterior</translation>
    </message>
    <message>
        <source>Play or pause a video</source>
        <translation>Reproducir o pausar un video</translation>
    </message>
    <message>
        <source>A video&apos;s captions: English, Spanish, off, in turn</source>
        <translation>Subtítulos de un vídeo: inglés, español, sin subtítulos, por turnos</translation>
    </message>
    <message>
        <source>Blank the screen, or show it again</source>
        <translation>Dejar la pantalla en negro, o volver a mostrarla</translation>
    </message>
    <message>
        <source>Notes on or off (one screen)</source>
        <translation>Notas sí o no (una sola pantalla)</translation>
    </message>
    <message>
        <source>End the presentation</source>
        <translation>Terminar la presentación</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <source>Download progress</source>
        <extracomment>Why a catalog cannot be read that is about trust, not damage.</extracomment>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>Download progress details</source>
        <translation>Detalles del progreso de la descarga</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Catalog version</source>
        <translation>Versión del catálogo</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>No sync server</source>
        <translation>Sin servidor de sincronización</translation>
    </message>
    <message>
        <source>Set the address of your sync server in Settings to get updates.</source>
        <translation>Escriba la dirección de su servidor de sincronización en Configuración para recibir actualizaciones.</translation>
    </message>
    <message>
        <source>Library damaged</source>
        <translation>Biblioteca dañada</translation>
    </message>
    <message>
        <source>Catalog&apos;s key not trusted</source>
        <translation>Clave del catálogo no confiable</translation>
    </message>
    <message>
        <source>No catalog</source>
        <translation>Sin catálogo</translation>
    </message>
    <message>
        <source>The policy file has problems.</source>
        <translation>El archivo de política tiene problemas.</translation>
    </message>
    <message>
        <source>The policy file cannot be used.</source>
        <translation>No se puede usar el archivo de política.</translation>
    </message>
    <message>
        <source>Sync cancelled {0}</source>
        <translation>Sincronización cancelada {0}</translation>
    </message>
    <message>
        <source>Last sync failed {0}</source>
        <translation>Falló la última sincronización {0}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last sync {0}</source>
        <translation>Última sincronización {0}</translation>
    </message>
    <message>
        <source>○ No network</source>
        <translation>○ Sin red</translation>
    </message>
    <message>
        <source>This laptop is not connected to a network: the library works offline.</source>
        <translation>Este equipo no está conectado a ninguna red: la biblioteca funciona sin conexión.</translation>
    </message>
    <message>
        <source>Catalog of {0}</source>
        <translation>Catálogo del {0}</translation>
    </message>
    <message>
        <source>Catalog version {0}, published {1}</source>
        <translation>Catálogo versión {0}, publicado el {1}</translation>
    </message>
    <message>
        <source>last worked {0}</source>
        <translation>la última que funcionó: {0}</translation>
    </message>
    <message>
        <source>no sync has worked yet</source>
        <translation>ninguna ha funcionado todavía</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún no sincronizado</translation>
    </message>
    <message>
        <source>Preparing search: {0} of {1} resources indexed…</source>
        <translation>Preparando la búsqueda: {0} de {1} recursos indexados…</translation>
    </message>
    <message>
        <source>Search is ready.</source>
        <translation>La búsqueda está lista.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>{0} of {1} files · {2} of {3}</source>
        <translation>{0} de {1} archivos · {2} de {3}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>No server address is set. Enter the statewide server&apos;s address in Settings.</source>
        <extracomment>The fingerprint of the key that signed a catalog the last sync refused as untrusted.</extracomment>
        <translation>No hay dirección de servidor. Escriba la dirección del servidor estatal en Configuración.</translation>
    </message>
    <message>
        <source>This file is not on this laptop, and no server address is set to download it from. Enter it in Settings.</source>
        <translation>Este archivo no está en este equipo y no hay dirección de servidor desde donde descargarlo. Escríbala en Configuración.</translation>
    </message>
</context>
<context>
    <name>SyncJobs</name>
    <message>
        <source>{0} % downloaded</source>
        <translation>{0} % descargado</translation>
    </message>
    <message>
        <source>Already up to date.</source>
        <translation>Ya está al día.</translation>
    </message>
    <message>
        <source>Sync finished: {0} new, {1} updated, {2} removed. &lt;a href=&quot;new&quot;&gt;Show what&apos;s new&lt;/a&gt;</source>
        <translation>Sincronización terminada: {0} nuevos, {1} actualizados, {2} retirados. &lt;a href=&quot;new&quot;&gt;Ver novedades&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Sync cancelled; the library was not changed.</source>
        <translation>Sincronización cancelada; la biblioteca no se modificó.</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Descarga cancelada.</translation>
    </message>
    <message>
        <source>Scheduled sync did not finish: {0}</source>
        <translation>La sincronización programada no terminó: {0}</translation>
    </message>
    <message>
        <source>Sync did not finish</source>
        <translation>La sincronización no terminó</translation>
    </message>
    <message>
        <source>Download did not finish</source>
        <translation>La descarga no terminó</translation>
    </message>
    <message>
        <source>Key fingerprint: {0}</source>
        <translation>Huella de la clave: {0}</translation>
    </message>
    <message>
        <source>Server: {0}</source>
        <translation>Servidor: {0}</translation>
    </message>
    <message>
        <source>Trusted keys…</source>
        <translation>Claves de confianza…</translation>
    </message>
    <message>
        <source>Open Settings at the trusted keys</source>
        <translation>Abrir Configuración en las claves de confianza</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>A causa de</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <source>“{0}” is too large to show here ({1}): Save a copy to read it in another program.</source>
        <translation>«{0}» es demasiado grande para mostrarlo aquí ({1}): guarde una copia para leerlo en otro programa.</translation>
    </message>
    <message>
        <source>“{0}” could not be read from the library.</source>
        <translation>No se pudo leer «{0}» de la biblioteca.</translation>
    </message>
    <message>
        <source>“{0}” nests its parts too deeply to show here: Save a copy to read it in another program.</source>
        <translation>«{0}» anida sus partes a demasiada profundidad para mostrarlo aquí: guarde una copia para leerlo en otro programa.</translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Text of the document</source>
        <translation>Texto del documento</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Buscar en el documento</translation>
    </message>
    <message>
        <source>Matches found</source>
        <translation>Coincidencias encontradas</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>This link does not lead to a web page: {0}</source>
        <translation>Este enlace no lleva a una página web: {0}</translation>
    </message>
    <message>
        <source>Open a web page</source>
        <translation>Abrir una página web</translation>
    </message>
    <message>
        <source>This link leads to a page on the internet, at {0}:
{1}

Open it in your web browser? You need to be online.</source>
        <translation>Este enlace lleva a una página de internet, en {0}:
{1}

¿Abrirla en su navegador web? Necesita estar conectado.</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} de {1}</translation>
    </message>
</context>
<context>
    <name>TrustedKeys</name>
    <message>
        <source>Trusted keys</source>
        <translation>Claves de confianza</translation>
    </message>
    <message>
        <source>Choose a key file…</source>
        <translation>Elegir un archivo de clave…</translation>
    </message>
    <message>
        <source>Choose a public key file to trust</source>
        <translation>Elegir un archivo de clave pública en el que confiar</translation>
    </message>
    <message>
        <source>Fingerprint of the key file chosen</source>
        <translation>Huella del archivo de clave elegido</translation>
    </message>
    <message>
        <source>&amp;Trust this key</source>
        <translation>Confiar en es&amp;ta clave</translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation>Confiar en esta clave</translation>
    </message>
    <message>
        <source>County IT can trust a key on every laptop in the policy file (trusted_keys), or from the command line: sop-resources sync --trust KEY.pub.</source>
        <translation>El equipo de TI del condado puede confiar en una clave en todos los equipos con el archivo de política (trusted_keys), o desde la línea de comandos: sop-resources sync --trust CLAVE.pub.</translation>
    </message>
    <message>
        <source>Other ways to trust a key</source>
        <translation>Otras formas de confiar en una clave</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Definido por su administrador</translation>
    </message>
    <message>
        <source>{0} · set by the policy</source>
        <translation>{0} · fijada por la política</translation>
    </message>
    <message>
        <source>{0} · in the settings</source>
        <translation>{0} · en la configuración</translation>
    </message>
    <message>
        <source>{0} · trusted on this laptop</source>
        <translation>{0} · de confianza en este equipo</translation>
    </message>
    <message>
        <source>None yet: only the starter catalog&apos;s own key, for the catalog shipped with SOP Desktop.</source>
        <translation>Ninguna todavía: solo la clave propia del catálogo inicial, para el catálogo incluido con SOP Desktop.</translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation>Archivo de clave pública</translation>
    </message>
    <message>
        <source>Public keys (*.pub *.pem)</source>
        <translation>Claves públicas (*.pub *.pem)</translation>
    </message>
    <message>
        <source>{0}: fingerprint {1}. Compare it with the fingerprint the statewide team gave you (or the one the sync message showed) before you trust it.</source>
        <translation>{0}: huella {1}. Compárela con la huella que le dio el equipo estatal (o la que mostró el mensaje de sincronización) antes de confiar en ella.</translation>
    </message>
    <message>
        <source>Key {0} is trusted: sync again to get the catalog it signed.</source>
        <translation>La clave {0} es de confianza: sincronice de nuevo para recibir el catálogo que firmó.</translation>
    </message>
</context>
<context>
    <name>UsageCounting</name>
    <message>
        <source>Thank you: it goes to the statewide team with this week&apos;s report.</source>
        <extracomment>How long a person stays on a settled search before it is counted (they are reading it).</extracomment>
        <translation>Gracias: llegará al equipo estatal con el informe de esta semana.</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Video</source>
        <extracomment>The events a video window draws on. The keys a video answers: the method each calls, and its argument (the shortcuts list in Help names every one of them).</extracomment>
        <translation>Video</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Reproducir o pausar (Espacio)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Tiempo transcurrido</translation>
    </message>
    <message>
        <source>Captions language</source>
        <translation>Idioma de los subtítulos</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>Pantalla completa (F)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Captions off</source>
        <translation>Sin subtítulos</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>The video could not be played ({0}).</source>
        <translation>No se pudo reproducir el video ({0}).</translation>
    </message>
    <message>
        <source>Captions: {0}</source>
        <translation>Subtítulos: {0}</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Tip sheet</source>
        <translation>Hoja de consejos</translation>
    </message>
    <message>
        <source>Practice guide</source>
        <translation>Guía de práctica</translation>
    </message>
    <message>
        <source>Practice brief</source>
        <translation>Resumen de práctica</translation>
    </message>
    <message>
        <source>Curriculum module</source>
        <translation>Módulo de capacitación</translation>
    </message>
    <message>
        <source>Toolkit</source>
        <translation>Caja de herramientas</translation>
    </message>
    <message>
        <source>Coaching guide</source>
        <translation>Guía de coaching</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Hoja de trabajo</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Folleto</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Involucramiento</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Teaming</source>
        <translation>Trabajo en equipo</translation>
    </message>
    <message>
        <source>Safety planning</source>
        <translation>Planificación de la seguridad</translation>
    </message>
    <message>
        <source>Three Houses</source>
        <translation>Tres Casas</translation>
    </message>
    <message>
        <source>Safety mapping</source>
        <translation>Mapeo de la seguridad</translation>
    </message>
    <message>
        <source>Harm and danger statements</source>
        <translation>Declaraciones de daño y de peligro</translation>
    </message>
    <message>
        <source>Safety goals</source>
        <translation>Metas de seguridad</translation>
    </message>
    <message>
        <source>Scaling questions</source>
        <translation>Preguntas de escala</translation>
    </message>
    <message>
        <source>Safety networks</source>
        <translation>Redes de seguridad</translation>
    </message>
    <message>
        <source>Safety plans</source>
        <translation>Planes de seguridad</translation>
    </message>
    <message>
        <source>Circles of safety and support</source>
        <translation>Círculos de seguridad y apoyo</translation>
    </message>
    <message>
        <source>Solution-focused questions</source>
        <translation>Preguntas centradas en soluciones</translation>
    </message>
    <message>
        <source>Appreciative inquiry</source>
        <translation>Indagación apreciativa</translation>
    </message>
    <message>
        <source>Cultural humility</source>
        <translation>Humildad cultural</translation>
    </message>
    <message>
        <source>Child and family teams</source>
        <translation>Equipos del Niño y la Familia (CFT)</translation>
    </message>
    <message>
        <source>Structured Decision Making</source>
        <translation>Toma de decisiones estructurada (SDM)</translation>
    </message>
    <message>
        <source>Trauma-informed practice</source>
        <translation>Práctica informada sobre el trauma</translation>
    </message>
    <message>
        <source>Words and pictures</source>
        <translation>Palabras e imágenes</translation>
    </message>
    <message>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <source>Caseworkers</source>
        <translation>Trabajadores sociales</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>Supervisores</translation>
    </message>
    <message>
        <source>Managers and leaders</source>
        <translation>Gerentes y líderes</translation>
    </message>
    <message>
        <source>Trainers</source>
        <translation>Capacitadores</translation>
    </message>
    <message>
        <source>Coaches</source>
        <translation>Coaches</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familias</translation>
    </message>
    <message>
        <source>Community partners</source>
        <translation>Socios comunitarios</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Jóvenes</translation>
    </message>
    <message>
        <source>Northern California Training Academy</source>
        <translation>Academia de Capacitación del Norte de California</translation>
    </message>
    <message>
        <source>Public Child Welfare Training Academy (Southern)</source>
        <translation>Academia de Capacitación en Bienestar Infantil Público (Sur)</translation>
    </message>
    <message>
        <source>Bay Area Academy</source>
        <translation>Academia del Área de la Bahía</translation>
    </message>
    <message>
        <source>Central California Training Academy</source>
        <translation>Academia de Capacitación del Centro de California</translation>
    </message>
    <message>
        <source>CalSWEC</source>
        <translation>CalSWEC</translation>
    </message>
    <message>
        <source>California Department of Social Services</source>
        <translation>Departamento de Servicios Sociales de California</translation>
    </message>
    <message>
        <source>SOP Desktop sample content</source>
        <translation>Contenido de muestra de SOP Desktop</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source># Welcome to SOP Desktop</source>
        <translation># Bienvenido a SOP Desktop</translation>
    </message>
    <message>
        <source>The tip sheets, guides, videos, worksheets and curriculum of Safety Organized Practice, in English and Spanish. **Everything here works without a connection**: in the car, in a family&apos;s home, in court or in a training room.</source>
        <translation>Las hojas de consejos, guías, videos, hojas de trabajo y módulos de capacitación de la Práctica Organizada en la Seguridad (SOP), en inglés y en español. **Todo funciona sin conexión**: en el auto, en la casa de una familia, en la corte o en una sala de capacitación.</translation>
    </message>
    <message>
        <source>- **Search** at the top (Ctrl+K): words inside documents and video captions count, misspellings are forgiven, and a word in English also finds the Spanish version.
- **Filter** on the left by type, practice element, audience or language.
- **Open** a result with Enter or a double click; Save a copy (Ctrl+S) to print or share it.
- **Build a kit** for a session on the Kits tab: add resources, put them in order, write a note for each.
- **Present** a kit or a single resource full screen; Page Down moves on, B blanks the screen, Esc ends.
- **Sync** (F5) brings new and updated resources when you are online.</source>
        <translation>- **Busque** arriba (Ctrl+K): cuentan las palabras dentro de los documentos y de los subtítulos, se perdonan los errores de escritura, y una palabra en español también encuentra la versión en inglés.
- **Filtre** a la izquierda por tipo, elemento de práctica, destinatarios o idioma.
- **Abra** un resultado con Intro o con doble clic; Guardar una copia (Ctrl+S) para imprimirlo o compartirlo.
- **Arme un kit** para una sesión en la pestaña Kits: añada recursos, ordénelos, escriba una nota para cada uno.
- **Presente** un kit o un solo recurso a pantalla completa; Av Pág avanza, B pone la pantalla en negro, Esc termina.
- **Sincronice** (F5) para recibir recursos nuevos y actualizados cuando tenga conexión.</translation>
    </message>
    <message>
        <source>This welcome and a short guide are always in the Help menu.</source>
        <translation>Esta bienvenida y una guía breve están siempre en el menú Ayuda.</translation>
    </message>
    <message>
        <source>**What you see first is a starter catalog of sample content** written for SOP Desktop to show how the program works. It is not produced or endorsed by CDSS, CalSWEC or the Regional Training Academies, and it does not replace your county&apos;s policy. When your county points the program at the statewide catalog, a sync brings the materials those agencies publish.</source>
        <translation>**Lo que ve al principio es un catálogo inicial de contenido de muestra**, escrito para SOP Desktop para mostrar cómo funciona el programa. No fue producido ni está respaldado por el CDSS, CalSWEC ni las Academias Regionales de Capacitación, y no reemplaza la política de su condado. Cuando su condado conecta el programa con el catálogo estatal, una sincronización trae los materiales que publican esas agencias.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to SOP Desktop</source>
        <translation>Bienvenido a SOP Desktop</translation>
    </message>
    <message>
        <source>Read the guide</source>
        <translation>Leer la guía</translation>
    </message>
</context>
<context>
    <name>WindowInstruments</name>
    <message>
        <source>Export &amp;responses…</source>
        <translation>Exportar &amp;respuestas…</translation>
    </message>
    <message>
        <source>Your completed instruments as CSV files, for your county&apos;s analyst</source>
        <translation>Sus instrumentos completados como archivos CSV, para el analista de su condado</translation>
    </message>
    <message>
        <source>&amp;Instruments</source>
        <translation>&amp;Instrumentos</translation>
    </message>
    <message>
        <source>&amp;Fill in an instrument…</source>
        <translation>&amp;Rellenar un instrumento…</translation>
    </message>
    <message>
        <source>My &amp;completed instruments…</source>
        <translation>Mis instrumentos &amp;completados…</translation>
    </message>
    <message>
        <source>Check your own practice</source>
        <translation>Evalúe su propia práctica</translation>
    </message>
    <message>
        <source>Check what you know</source>
        <translation>Compruebe lo que sabe</translation>
    </message>
    <message>
        <source>Observe this practice</source>
        <translation>Observar esta práctica</translation>
    </message>
    <message>
        <source>You have an unfinished response, last changed {0}. Continue it?</source>
        <translation>Tiene una respuesta sin terminar, modificada por última vez el {0}. ¿Quiere continuarla?</translation>
    </message>
    <message>
        <source>&amp;Continue it</source>
        <translation>&amp;Continuarla</translation>
    </message>
    <message>
        <source>Start a &amp;new one</source>
        <translation>Empezar una &amp;nueva</translation>
    </message>
    <message>
        <source>Export responses</source>
        <translation>Exportar respuestas</translation>
    </message>
    <message>
        <source>Export responses into this folder</source>
        <translation>Exportar las respuestas a esta carpeta</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n files into {0}.</source>
        <translation>
            <numerusform>Se escribió %n archivo en {0}.</numerusform>
            <numerusform>Se escribieron %n archivos en {0}.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no completed responses to export.</source>
        <translation>No hay respuestas completadas que exportar.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <source>Copy the &amp;library to a drive…</source>
        <translation>Copiar la &amp;biblioteca a una unidad…</translation>
    </message>
    <message>
        <source>&amp;Import a library from a drive…</source>
        <translation>&amp;Importar una biblioteca desde una unidad…</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Guardar una &amp;copia…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;All resources</source>
        <translation>&amp;Todos los recursos</translation>
    </message>
    <message>
        <source>&amp;Favorites</source>
        <translation>&amp;Favoritos</translation>
    </message>
    <message>
        <source>&amp;Recently viewed</source>
        <translation>&amp;Vistos recientemente</translation>
    </message>
    <message>
        <source>&amp;What&apos;s new</source>
        <translation>&amp;Novedades</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>&amp;Quitar filtros</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>&amp;Bienvenida</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guía</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Request a resource…</source>
        <translation>&amp;Pedir un recurso…</translation>
    </message>
    <message>
        <source>&amp;About SOP Desktop</source>
        <translation>&amp;Acerca de SOP Desktop</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>About SOP Desktop</source>
        <translation>Acerca de SOP Desktop</translation>
    </message>
    <message>
        <source>SOP Desktop {0}

Safety Organized Practice resources for California&apos;s child welfare workforce, available offline.

The starter catalog is sample content written for SOP Desktop, not produced or endorsed by CDSS, CalSWEC or the Regional Training Academies. A sync with the statewide catalog, once a county sets it up, brings those agencies&apos; materials.</source>
        <translation>SOP Desktop {0}

Recursos de la Práctica Organizada en la Seguridad (SOP) para el personal de bienestar infantil de California, disponibles sin conexión.

El catálogo inicial es contenido de muestra escrito para SOP Desktop, no producido ni respaldado por el CDSS, CalSWEC ni las Academias Regionales de Capacitación. Una sincronización con el catálogo estatal, cuando un condado la configura, trae los materiales de esas agencias.</translation>
    </message>
</context>
<context>
    <name>_Everywhere</name>
    <message>
        <source>Nothing found here.</source>
        <translation>Aquí no se encontró nada.</translation>
    </message>
    <message numerus="yes">
        <source>The whole library has %n results:</source>
        <translation>
            <numerusform>Toda la biblioteca tiene %n resultado:</numerusform>
            <numerusform>Toda la biblioteca tiene %n resultados:</numerusform>
        </translation>
    </message>
    <message>
        <source>show them</source>
        <translation>mostrarlos</translation>
    </message>
</context>
</TS>
