<?php
define( 'YOURLS_URL_CONVERT', 62 ); define('YOURLS_PRIVATE', FALSE); <<<EOT
heredoc
EOT;
$yourls_reserved_URL = [ 'a', ['nested'], 0x1F, ];
?>trailing html