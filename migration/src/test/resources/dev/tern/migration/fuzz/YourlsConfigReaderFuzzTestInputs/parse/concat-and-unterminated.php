<?php
define('YOURLS_DB_PREFIX', "pre_" . 'x');
$yourls_user_passwords = array( 'a' => 'md5:123:abc', "b" => 'p\'w', );
/* unterminated